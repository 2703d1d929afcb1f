package org.cnnlab.inspection.saliency;

import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * Gradient × input (Shrikumar et al., "Not Just a Black Box", 2016): M(p) = |Σ_ch x_{ch,p} · ∂S_c/∂x_{ch,p}|,
 * the gradient weighted by what is there, so a black pixel gets nothing. One forward and one backward pass.
 */
public record GradientTimesInput(int classIndex) implements SaliencyRequest {

    @Override
    public Saliency.Method method() {
        return Saliency.Method.GRADIENT_X_INPUT;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        return Passes.oneGradientPass(model, limits);
    }

    @Override
    public Attribution compute(Computation c) {
        float[] x = c.x();
        float[] g = Passes.gradients(c, x, 1, classIndex, false).gradients();
        int plane = c.plane();
        float[] map = new float[plane];
        for (int p = 0; p < plane; p++) {
            double s = 0;
            for (int ch = 0; ch < c.in().channels(); ch++) s += x[ch * plane + p] * g[ch * plane + p];
            map[p] = (float) Math.abs(s);
        }
        c.progress().advance(2);
        return Attribution.of(map, 1, 1);
    }
}
