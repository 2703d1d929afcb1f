package org.cnnlab.training;

import java.util.List;
import java.util.function.LongSupplier;
import org.cnnlab.models.EpochMetrics;

/**
 * What a running {@link TrainingRun} reports, written into its {@link TrainingJob}; after every
 * batch, epoch and restart the job's watchers hear the new state ({@code changed}). The pause is
 * the service's to grant ({@code holdWhilePaused}: it knows the budget and whether it is closing).
 */
final class JobListener implements TrainingRun.Listener {
    private final TrainingJob job;
    private final Runnable changed;
    private final LongSupplier holdWhilePaused;

    JobListener(TrainingJob job, Runnable changed, LongSupplier holdWhilePaused) {
        this.job = job;
        this.changed = changed;
        this.holdWhilePaused = holdWhilePaused;
    }

    @Override
    public void batch(int epoch, long step, long totalSteps, double loss) {
        job.batch(epoch, step, totalSteps, loss);
        changed.run();
    }

    @Override
    public void epoch(EpochMetrics metrics) {
        job.epoch(metrics);
        changed.run();
    }

    @Override
    public void confusion(int[][] matrix, boolean onTestSet) {
        job.confusion(matrix, onTestSet);
    }

    @Override
    public void trained(byte[] parameters) {
        job.trained(parameters);
    }

    @Override
    public void shifted(double[] accuracyByShift) {
        job.shifted(accuracyByShift);
    }

    @Override
    public void mistakes(List<TrainingRun.Mistake> mistakes) {
        job.mistakes(mistakes);
    }

    @Override
    public long holdWhilePaused() {
        return holdWhilePaused.getAsLong();
    }

    @Override
    public boolean pauseRequested() {
        return job.pauseRequested();
    }

    @Override
    public void restarted() {
        job.restarted();
        changed.run();
    }
}
