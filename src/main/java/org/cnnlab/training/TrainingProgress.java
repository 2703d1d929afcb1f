package org.cnnlab.training;

import java.util.List;

/**
 * A snapshot of a job for the page: its state, where it is, the curves so far and, when it stopped
 * on its own, why ({@code messageKey} and {@code messageArgs}, i18n). Plain data; no DJL.
 */
public record TrainingProgress(long jobId, State state, int queuePosition, int epoch, int epochs, long step, long totalSteps,
                               List<Double> batchLosses, List<EpochMetrics> epochsDone, String messageKey,
                               Object[] messageArgs) {

    public enum State { QUEUED, RUNNING, DONE, CANCELLED, DIVERGED, FAILED }

    public TrainingProgress {
        batchLosses = List.copyOf(batchLosses);
        epochsDone = List.copyOf(epochsDone);
    }

    public boolean finished() {
        return state != State.QUEUED && state != State.RUNNING;
    }

    public double fraction() {
        return totalSteps == 0 ? 0 : (double) step / totalSteps;
    }
}
