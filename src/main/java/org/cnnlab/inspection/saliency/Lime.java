package org.cnnlab.inspection.saliency;

import java.util.SplittableRandom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.Superpixels;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;

/**
 * LIME (Ribeiro, Singh and Guestrin, "Why Should I Trust You?", KDD 2016): cut the image into S segments
 * (squares of the patch size p, or SLIC superpixels of about p pixels a side), switch each on with
 * probability ½ in every sample i (off = black; sample 0 is the image itself), and fit
 * p_c ≈ β₀ + Σ_s β_s z_is by weighted ridge regression ({@link LinearFit}) with weights exp(−d_i²/w²),
 * d_i the cosine distance of z_i to all-on; M(p) = max(0, β of p's segment). One forward pass per
 * sample, no backward pass.
 */
public record Lime(int classIndex, int samples, int patch, double kernelWidth, Segments segments, long seed) implements SaliencyRequest {

    /** What LIME switches on and off: squares of the patch size, or SLIC superpixels of about that size. */
    public enum Segments {
        PATCHES,
        SUPERPIXELS
    }

    @Override
    public Saliency.Method method() {
        return Saliency.Method.LIME;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        if (samples < 10 || samples > limits.maxLimeSamples()) throw new InvalidInputException("saliency.error.samples", 10, limits.maxLimeSamples());
        int side = Math.min(model.input().height(), model.input().width());
        if (patch < 1 || patch > side) throw new InvalidInputException("saliency.error.patch", side);
        if (!(kernelWidth > 0 && kernelWidth <= 10)) throw new InvalidInputException("saliency.error.kernelWidth");
        Passes.budget(model, limits, samples + 1L, false);
        return samples;
    }

    @Override
    public Attribution compute(Computation c) {
        int h = c.in().height();
        int w = c.in().width();
        int n = c.values();
        int plane = h * w;
        int[] segment = new int[plane];
        if (segments == Segments.SUPERPIXELS) {
            segment = Superpixels.slic(c.x(), c.in().channels(), h, w, Math.max(2, patch), 0.1);
        } else {
            int cols = (w + patch - 1) / patch;
            for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) segment[y * w + x] = (y / patch) * cols + x / patch;
        }
        int count = Superpixels.count(segment);
        if (count > c.limits().maxLimeSegments()) throw new InvalidInputException("saliency.error.segments", count, c.limits().maxLimeSegments());
        SplittableRandom random = new SplittableRandom(seed);
        double[][] z = new double[samples][count];
        double[] target = new double[samples];
        boolean[] on = new boolean[count];
        for (int start = 0; start < samples; start += Passes.CHUNK) {
            int b = Math.min(Passes.CHUNK, samples - start);
            float[] batch = new float[b * n];   // zeros: what is off stays black
            for (int i = 0; i < b; i++) {
                double[] zi = z[start + i];
                for (int s = 0; s < count; s++) {
                    on[s] = start + i == 0 || random.nextBoolean();
                    zi[s] = on[s] ? 1 : 0;
                }
                for (int ch = 0; ch < c.in().channels(); ch++) {
                    for (int q = 0; q < plane; q++) if (on[segment[q]]) batch[i * n + ch * plane + q] = c.x()[ch * plane + q];
                }
            }
            float[] probabilities = Passes.probabilities(c, batch, b, classIndex);
            for (int i = 0; i < b; i++) target[start + i] = probabilities[i];
            c.progress().advance(b);
        }
        double[] weights = new double[samples];
        for (int i = 0; i < samples; i++) {
            double kept = 0;
            for (double v : z[i]) kept += v;
            double d = 1 - (kept == 0 ? 0 : kept / (Math.sqrt(kept) * Math.sqrt(count)));
            weights[i] = Math.exp(-d * d / (kernelWidth * kernelWidth));
        }
        double[] beta = LinearFit.ridge(z, target, weights, 1e-3);
        float[] map = new float[plane];
        for (int q = 0; q < plane; q++) map[q] = (float) Math.max(0, beta[1 + segment[q]]);
        return Attribution.of(map, samples, 0);
    }
}
