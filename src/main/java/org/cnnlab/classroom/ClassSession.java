package org.cnnlab.classroom;

import java.time.Instant;
import java.util.Set;
import org.cnnlab.base.Lesson;

/**
 * One class meeting: its join code, whether the code admits students, and the teaching controls in
 * force; {@code membersOnly}: while it is open, only students who joined a class may train, upload a
 * model or run saliency.
 */
public record ClassSession(long id, String name, String joinCode, boolean codeOpen, boolean approveEach, boolean paused,
                           String pauseMessage, Set<Lesson> lessons, boolean archived, Instant createdAt, boolean membersOnly) {
}
