package org.cnnlab.classroom;

import java.time.Instant;
import org.cnnlab.base.StudentId;

/** A student of a class session as the instructor's roster shows them. */
public record Member(StudentId id, String nickname, Status status, Instant joinedAt, Instant lastSeen, boolean online,
                     String page, Activity activity) {

    public enum Status { WAITING, APPROVED, REMOVED }

    /** What the student's training is doing: nothing yet, waiting in the queue, training, or finished. */
    public enum Activity { IDLE, QUEUED, TRAINING, DONE }
}
