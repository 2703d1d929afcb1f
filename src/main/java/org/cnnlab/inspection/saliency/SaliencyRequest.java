package org.cnnlab.inspection.saliency;

import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * A saliency request: which pixels mattered for class c, asked one method's way. Each method is one
 * record, with the settings it reads; S_c is the class score (the logit), L the cross-entropy loss
 * for class c.
 */
public sealed interface SaliencyRequest permits VanillaGradient, LossGradient, GradientTimesInput, SmoothGrad, IntegratedGradients,
        Occlusion, GradCam, Lime {

    int classIndex();

    Saliency.Method method();

    /**
     * Refuses settings out of range, or passes over the budget ({@link Passes#budget}), before
     * anything runs. The class index is checked by the service.
     * @return the passes the computation will make, forward and backward together
     */
    long check(Subject model, SaliencyLimits limits);

    Attribution compute(Computation c);

    /** The form's defaults for a method: 25 SmoothGrad samples at σ = 0.15, 25 IG steps, 6-pixel patches, 500 LIME samples. */
    static SaliencyRequest of(Saliency.Method method, int classIndex) {
        return switch (method) {
            case VANILLA -> new VanillaGradient(classIndex);
            case LOSS_GRADIENT -> new LossGradient(classIndex);
            case GRADIENT_X_INPUT -> new GradientTimesInput(classIndex);
            case SMOOTHGRAD -> new SmoothGrad(classIndex, 25, 0.15, 1);
            case INTEGRATED_GRADIENTS -> new IntegratedGradients(classIndex, 25);
            case OCCLUSION -> new Occlusion(classIndex, 6, 2);
            case GRAD_CAM -> new GradCam(classIndex, -1);
            case LIME -> new Lime(classIndex, 500, 6, 0.25, Lime.Segments.PATCHES, 1);
        };
    }
}
