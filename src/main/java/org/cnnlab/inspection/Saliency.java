package org.cnnlab.inspection;

/**
 * A saliency map for one class: one value per input pixel (H×W, the channels reduced as the method
 * says), its picture, and what it cost in forward and backward passes through the network. For
 * Integrated Gradients also the sum of the signed attributions and S_c(x) − S_c(x′), which the
 * method's completeness axiom says are equal; NaN for the other methods.
 */
public record Saliency(Method method, int classIndex, float[] map, int height, int width, byte[] png, byte[] input,
                       long forwardPasses, long backwardPasses, double attributionSum, double scoreDifference) {

    /** Whether every value of the map is the same: a blank picture, which the page must explain rather than show bare. */
    public boolean constant() {
        for (float v : map) {
            if (Float.compare(v, map[0]) != 0) return false;
        }
        return true;
    }

    /**
     * The methods, each a way to ask "which pixels mattered for class c", each one record in
     * {@code inspection.saliency} with its formula, settings and passes. S_c is the class score (the
     * logit), L the cross-entropy loss for class c.
     */
    public enum Method {
        /** |∂S_c/∂x| (Simonyan et al. 2013), the maximum over colour channels. */
        VANILLA,
        /** The lecture's |∂L(y, ŷ)/∂x| with y = c: how the loss, not the score, reacts. */
        LOSS_GRADIENT,
        /** |Σ_channels x ⊙ ∂S_c/∂x|: the gradient weighted by what is there. */
        GRADIENT_X_INPUT,
        /** The mean of |∂S_c/∂x| over noisy copies x + N(0, σ²) (Smilkov et al. 2017). */
        SMOOTHGRAD,
        /** (x − x′) ⊙ the mean gradient on the straight path from a black baseline x′ to x (Sundararajan et al. 2017). */
        INTEGRATED_GRADIENTS,
        /** How much S_c drops when a patch is covered with black, patch by patch (Zeiler and Fergus 2014). */
        OCCLUSION,
        /** ReLU(Σ_k α_k A^k) with α_k the mean of ∂S_c/∂A^k over a conv layer's map A (Selvaraju et al. 2017). */
        GRAD_CAM,
        /**
         * LIME (Ribeiro et al. 2016): switch segments (square patches or superpixels) off at random, fit
         * p_c ≈ β₀ + Σ β_s z_s by weighted least squares (weights exp(−d²/w²), d the cosine distance to the
         * full image), show each segment's β.
         */
        LIME
    }
}
