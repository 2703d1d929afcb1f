package org.cnnlab.training.remote;

import java.io.Serializable;
import java.util.List;
import org.cnnlab.models.EpochMetrics;
import org.cnnlab.training.TrainingRun;

/**
 * One {@link TrainingRun.Listener} call made on a worker node, as plain data: the worker writes
 * them in order to PostgreSQL and the app node whose student is waiting replays them into its own
 * listener, so the page sees the same curves as when training runs on its own node.
 */
sealed interface TaskUpdate extends Serializable {

    void replay(TrainingRun.Listener listener);

    record Batch(int epoch, long step, long totalSteps, double loss) implements TaskUpdate {
        public void replay(TrainingRun.Listener l) {
            l.batch(epoch, step, totalSteps, loss);
        }
    }

    record Epoch(EpochMetrics metrics) implements TaskUpdate {
        public void replay(TrainingRun.Listener l) {
            l.epoch(metrics);
        }
    }

    record Confusion(int[][] matrix, boolean onTestSet) implements TaskUpdate {
        public void replay(TrainingRun.Listener l) {
            l.confusion(matrix, onTestSet);
        }
    }

    record Trained(byte[] parameters) implements TaskUpdate {
        public void replay(TrainingRun.Listener l) {
            l.trained(parameters);
        }
    }

    record Shifted(double[] accuracyByShift) implements TaskUpdate {
        public void replay(TrainingRun.Listener l) {
            l.shifted(accuracyByShift);
        }
    }

    record Mistakes(List<TrainingRun.Mistake> mistakes) implements TaskUpdate {
        public void replay(TrainingRun.Listener l) {
            l.mistakes(mistakes);
        }
    }

    /** The listener calls a worker node made in one flush (a few hundred milliseconds of batches). */
    record Several(List<TaskUpdate> updates) implements Serializable {
    }
}
