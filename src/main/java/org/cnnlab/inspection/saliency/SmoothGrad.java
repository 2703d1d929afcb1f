package org.cnnlab.inspection.saliency;

import java.util.SplittableRandom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * SmoothGrad (Smilkov et al., "SmoothGrad: removing noise by adding noise", 2017):
 * M(p) = (1/n) Σ_{i=1..n} max_ch |∂S_c/∂x (x + ε_i)|_{ch,p} with ε_i ~ N(0, σ²) per value, the vanilla
 * gradient averaged over n noisy copies. Seeded: the same request gives the same map. n forward and
 * n backward passes, in batches.
 */
public record SmoothGrad(int classIndex, int samples, double noise, long seed) implements SaliencyRequest {

    @Override
    public Saliency.Method method() {
        return Saliency.Method.SMOOTHGRAD;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        if (samples < 1 || samples > limits.maxSmoothgradSamples()) {
            throw new InvalidInputException("saliency.error.samples", 1, limits.maxSmoothgradSamples());
        }
        if (!(noise >= 0 && noise <= 1)) throw new InvalidInputException("saliency.error.noise");
        Passes.budget(model, limits, 2L * samples, true);
        return 2L * samples;
    }

    @Override
    public Attribution compute(Computation c) {
        float[] x = c.x();
        int n = c.values();
        float[] map = new float[c.plane()];
        SplittableRandom random = new SplittableRandom(seed);   // its Gaussians (ziggurat) take half java.util.Random's time
        for (int start = 0; start < samples; start += Passes.CHUNK) {
            int b = Math.min(Passes.CHUNK, samples - start);
            float[] batch = new float[b * n];
            for (int i = 0; i < b * n; i++) batch[i] = (float) (x[i % n] + noise * random.nextGaussian());
            float[] g = Passes.gradients(c, batch, b, classIndex, false).gradients();
            for (int i = 0; i < b; i++) Passes.maxAbsOverChannels(g, i * n, c.in().channels(), c.plane(), map, 1.0 / samples);
            c.progress().advance(2L * b);
        }
        return Attribution.of(map, samples, samples);
    }
}
