package org.cnnlab.inspection.saliency;

import org.cnnlab.inspection.Saliency;

/** One set of settings for tests that go through every method: each method's request reads the ones it needs. */
public record Settings(int samples, int limeSamples, double noise, int steps, int patch, int stride, long seed) {

    public SaliencyRequest request(Saliency.Method m, int c) {
        return switch (m) {
            case VANILLA -> new VanillaGradient(c);
            case LOSS_GRADIENT -> new LossGradient(c);
            case GRADIENT_X_INPUT -> new GradientTimesInput(c);
            case SMOOTHGRAD -> new SmoothGrad(c, samples, noise, seed);
            case INTEGRATED_GRADIENTS -> new IntegratedGradients(c, steps);
            case OCCLUSION -> new Occlusion(c, patch, stride);
            case GRAD_CAM -> new GradCam(c, -1);
            case LIME -> new Lime(c, limeSamples, patch, 0.25, Lime.Segments.PATCHES, seed);
        };
    }
}
