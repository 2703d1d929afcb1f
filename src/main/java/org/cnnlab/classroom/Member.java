package org.cnnlab.classroom;

import java.time.Instant;
import org.cnnlab.base.StudentId;

/** A student of a class session as the instructor's roster shows them. */
public record Member(StudentId id, String nickname, Status status, Instant joinedAt, Instant lastSeen, boolean online,
                     String page, Activity activity) {

    /** Removed students keep their row (and nickname) until allowed back, who then may join again under it. */
    public enum Status { WAITING, APPROVED, REMOVED, ALLOWED_BACK }

    /** What the student's training is doing: nothing yet, waiting in the queue, training, or finished. */
    public enum Activity { IDLE, QUEUED, TRAINING, DONE }
}
