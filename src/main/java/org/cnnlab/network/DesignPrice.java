package org.cnnlab.network;

import java.util.List;

/**
 * What training a design would cost, as the builder shows it beside the layers: the memory of a
 * training step at {@code batch} (each layer's part, and the total with the weights' share; see
 * {@link Price}) against the server's training budget, the largest batch that fits, and the
 * seconds an epoch of 1,000 images takes at this machine's rate.
 */
public record DesignPrice(int batch, List<Long> layerBytes, long totalBytes, long budgetBytes, int largestBatch,
                          double secondsPerThousandImages) {

    /** The training form's default batch: the one the builder prices. */
    public static final int BATCH = 32;

    public DesignPrice {
        layerBytes = List.copyOf(layerBytes);
    }

    static DesignPrice of(NetworkAnalysis analysis, BudgetLimits limits) {
        Price price = Price.of(analysis);
        List<Long> layers = analysis.layers().stream().map(l -> 3L * BATCH * l.activationBytes()).toList();
        return new DesignPrice(BATCH, layers, price.trainingBytes(BATCH), limits.trainingMemoryBytes(),
                price.largestTrainingBatch(limits.trainingMemoryBytes()), price.seconds(1000, true, limits.macsPerSecond()));
    }

    public boolean fits() {
        return totalBytes <= budgetBytes;
    }
}
