package org.cnnlab.inspection.saliency;

import org.cnnlab.base.InvalidInputException;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * Integrated Gradients (Sundararajan, Taly and Yan, "Axiomatic Attribution for Deep Networks", ICML 2017):
 * IG_i = (x_i − x′_i) · ∫₀¹ ∂S_c/∂x_i (x′ + α(x − x′)) dα with the black baseline x′ = 0, the integral by
 * the midpoint rule on m steps; the map is |Σ_ch IG| per pixel. Completeness: Σ_i IG_i = S_c(x) − S_c(x′),
 * both returned so the page can show how close the m steps came. m + 2 forward and m backward passes.
 */
public record IntegratedGradients(int classIndex, int steps) implements SaliencyRequest {

    @Override
    public Saliency.Method method() {
        return Saliency.Method.INTEGRATED_GRADIENTS;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        if (steps < 1 || steps > limits.maxIgSteps()) throw new InvalidInputException("saliency.error.steps", 1, limits.maxIgSteps());
        Passes.budget(model, limits, 2L * steps + 2, true);
        return 2L * steps + 2;
    }

    @Override
    public Attribution compute(Computation c) {
        float[] x = c.x();
        int n = c.values();
        int plane = c.plane();
        float[] mean = new float[n];
        for (int start = 0; start < steps; start += Passes.CHUNK) {
            int b = Math.min(Passes.CHUNK, steps - start);
            float[] batch = new float[b * n];
            for (int i = 0; i < b; i++) {
                double alpha = (start + i + 0.5) / steps;   // midpoints of the path from x′ = 0
                for (int p = 0; p < n; p++) batch[i * n + p] = (float) (alpha * x[p]);
            }
            float[] g = Passes.gradients(c, batch, b, classIndex, false).gradients();
            for (int i = 0; i < b; i++) for (int p = 0; p < n; p++) mean[p] += g[i * n + p] / steps;
            c.progress().advance(2L * b);
        }
        double sum = 0;
        float[] map = new float[plane];
        for (int p = 0; p < plane; p++) {
            double a = 0;
            for (int ch = 0; ch < c.in().channels(); ch++) a += x[ch * plane + p] * mean[ch * plane + p];
            sum += a;
            map[p] = (float) Math.abs(a);
        }
        float[] ends = new float[2 * n];
        System.arraycopy(x, 0, ends, 0, n);   // x, then the black baseline
        float[] s = Passes.scores(c, ends, 2, classIndex);
        c.progress().advance(2);
        return new Attribution(map, steps + 2L, steps, sum, s[0] - s[1]);
    }
}
