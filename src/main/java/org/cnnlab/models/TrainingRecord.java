package org.cnnlab.models;

import java.util.List;

/**
 * How a model was trained, kept with it when it is saved: the data set and network names, the
 * optimiser and schedule, the per-epoch curves, the final held-out accuracy (on the test set, or on
 * the validation images when the data set has none) and the time it took.
 */
public record TrainingRecord(String dataset, String network, OptimizerSpec optimizer, int batchSize, int epochs, long seed,
                             List<EpochMetrics> curves, double heldOutAccuracy, boolean onTestSet, double seconds) {

    public TrainingRecord {
        curves = List.copyOf(curves);
    }
}
