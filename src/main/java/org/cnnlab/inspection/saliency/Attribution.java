package org.cnnlab.inspection.saliency;

/**
 * What a method computed: one value per input pixel (H×W, row-major), the passes it made, and for
 * Integrated Gradients the sum of the signed attributions and S_c(x) − S_c(x′), which its
 * completeness axiom says are equal (NaN for the other methods).
 */
public record Attribution(float[] map, long forwardPasses, long backwardPasses, double attributionSum, double scoreDifference) {

    public static Attribution of(float[] map, long forwardPasses, long backwardPasses) {
        return new Attribution(map, forwardPasses, backwardPasses, Double.NaN, Double.NaN);
    }
}
