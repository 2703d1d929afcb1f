package org.cnnlab.training;

import java.util.List;
import org.cnnlab.models.EpochMetrics;

/**
 * A snapshot of a job for the page: its state, where it is, the curves so far and, when it stopped
 * on its own, why ({@code messageKey} and {@code messageArgs}, i18n). Plain data; no DJL.
 */
public record TrainingProgress(long jobId, State state, int queuePosition, int epoch, int epochs, long step, long totalSteps,
                               List<Double> batchLosses, List<EpochMetrics> epochsDone, String messageKey,
                               Object[] messageArgs, int[][] confusion, long startedMillis, String name,
                               long parameters, double seconds, List<Double> accuracyByShift, List<WrongExample> mistakes,
                               long nextJobId, boolean onTestSet) {

    public enum State { QUEUED, RUNNING, PAUSED, DONE, CANCELLED, DIVERGED, FAILED }

    /** A validation image the final model gets wrong, as a PNG, with the true and predicted class and p(predicted). */
    public record WrongExample(byte[] png, String trueClass, String predictedClass, double confidence) {
    }

    public TrainingProgress {
        batchLosses = List.copyOf(batchLosses);
        epochsDone = List.copyOf(epochsDone);
        accuracyByShift = List.copyOf(accuracyByShift);
        mistakes = List.copyOf(mistakes);
    }

    public boolean finished() {
        return state != State.QUEUED && state != State.RUNNING && state != State.PAUSED;
    }

    public double fraction() {
        return totalSteps == 0 ? 0 : (double) step / totalSteps;
    }

    /** Seconds left at the pace so far, or −1 before the first step. */
    public long secondsLeft() {
        if (state != State.RUNNING || step == 0 || startedMillis == 0) return -1;  // paused: no estimate
        double perStep = seconds / step;                                            // paused time excluded
        return Math.round(perStep * (totalSteps - step));
    }

    /**
     * Accuracy from the final confusion matrix, or NaN before there is one: on the test images when
     * {@code onTestSet}, else on the validation images.
     */
    public double heldOutAccuracy() {
        return confusion == null ? Double.NaN : accuracy(confusion);
    }

    /** The share on the diagonal of a confusion matrix (rows: true class, columns: predicted). */
    public static double accuracy(int[][] confusion) {
        long right = 0;
        long all = 0;
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion[t].length; p++) {
                all += confusion[t][p];
                if (t == p) right += confusion[t][p];
            }
        }
        return all == 0 ? Double.NaN : (double) right / all;
    }
}
