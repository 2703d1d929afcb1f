package org.cnnlab.training;

import java.util.List;
import java.util.Set;
import org.cnnlab.base.StudentId;

/**
 * The class's training queue as the instructor works it (the dashboard and the roster): what
 * waits and runs, stop one or all, hold the queue, the class's limits. {@link TrainingService}
 * implements it; the classroom sees only this.
 */
public interface ClassQueue {

    /**
     * A job in the class queue as the instructor's dashboard lists it; {@code where} is "" on the
     * one-machine server, else the worker running it or the app node it waits on.
     */
    record QueueEntry(long jobId, StudentId student, String name, TrainingProgress.State state, int position,
                      double seconds, int epoch, int epochs, String where) {
    }

    /** Every job that has not finished, running first (position 0), then waiting in turn order (position 1, 2, …). */
    List<QueueEntry> queue();

    /** The students whose most recent job finished well, for the roster. */
    Set<StudentId> finishedWell();

    /** Stops any job (and the rest of its series). */
    void cancelAny(long jobId);

    /** Stops every job that has not finished. */
    void cancelAll();

    /** Holds the queue (running jobs go on; no new job starts) or releases it. */
    void holdQueue(boolean hold);

    boolean queueHeld();

    /** The limits in force for new jobs. */
    TrainingLimits limits();

    /**
     * The instructor's limits for the class (jobs per student, epochs, samples, parameters, wall
     * time), each between 1 and the configured value; returns the ones now in force. Jobs already
     * queued keep the limits they were accepted under.
     */
    TrainingLimits adjust(int maxQueuedPerStudent, int maxEpochs, int maxSamples, long maxParameters, int maxWallSeconds);

    /** A removed student's jobs stop and leave the queue. */
    void forget(StudentId student);
}
