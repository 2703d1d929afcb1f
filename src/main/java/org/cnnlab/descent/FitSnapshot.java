package org.cnnlab.descent;

import java.util.List;

/**
 * The fit at step N, as plain data: the data points, the current curve ŷ(x; θ) on a grid, the
 * loss so far (one point per step, thinned to at most a few hundred) and, if the loss stopped
 * being a number, the step where it diverged.
 */
public record FitSnapshot(long step, double loss, double[] dataX, double[] dataY, double[] gridX, double[] curve,
                          List<double[]> lossHistory, long divergedAt, boolean batchClamped) {

    public boolean diverged() {
        return divergedAt >= 0;
    }
}
