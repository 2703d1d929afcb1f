package org.cnnlab.inspection.saliency;

import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * The vanilla gradient (Simonyan, Vedaldi and Zisserman, "Deep Inside Convolutional Networks", 2013):
 * M(p) = max over colour channels ch of |∂S_c/∂x_{ch,p}|, how much the class score moves when pixel p
 * does. One forward and one backward pass.
 */
public record VanillaGradient(int classIndex) implements SaliencyRequest {

    @Override
    public Saliency.Method method() {
        return Saliency.Method.VANILLA;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        return Passes.oneGradientPass(model, limits);
    }

    @Override
    public Attribution compute(Computation c) {
        return inputGradient(c, classIndex, false);
    }

    /** max over channels of |∂S_c/∂x| (or of |∂L/∂x| when {@code loss}); shared with {@link LossGradient}. */
    static Attribution inputGradient(Computation c, int classIndex, boolean loss) {
        float[] g = Passes.gradients(c, c.x(), 1, classIndex, loss).gradients();
        float[] map = new float[c.plane()];
        Passes.maxAbsOverChannels(g, 0, c.in().channels(), c.plane(), map, 1);
        c.progress().advance(2);
        return Attribution.of(map, 1, 1);
    }
}
