package org.cnnlab.inspection.saliency;

import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * The lecture's saliency: M(p) = max over channels of |∂L(y, ŷ)/∂x_{ch,p}| with y = c and
 * L = −log softmax(z)_c, how the loss, not the score, reacts (a softmax-weighted version of
 * {@link VanillaGradient}). One forward and one backward pass.
 */
public record LossGradient(int classIndex) implements SaliencyRequest {

    @Override
    public Saliency.Method method() {
        return Saliency.Method.LOSS_GRADIENT;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        return Passes.oneGradientPass(model, limits);
    }

    @Override
    public Attribution compute(Computation c) {
        return VanillaGradient.inputGradient(c, classIndex, true);
    }
}
