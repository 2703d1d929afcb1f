package org.cnnlab.inspection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.MapRenderer;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.ModelRunner;
import org.cnnlab.training.TrainedModel;
import org.springframework.stereotype.Service;

/**
 * Saliency maps: which input pixels mattered for class c, by the methods of {@link Saliency.Method}.
 * Gradients come from DJL's autograd (one collector at a time, {@link Autograd}); the samples of
 * SmoothGrad and Integrated Gradients and the patches of occlusion go through the network in
 * batches. Seeded: the same request gives the same map.
 */
@Service
public class SaliencyService {
    private static final int CHUNK = 32;

    private final ModelRunner runner;
    private final SaliencyLimits limits;

    public SaliencyService(ModelRunner runner, SaliencyLimits limits) {
        this.runner = runner;
        this.limits = limits;
    }

    public SaliencyLimits limits() {
        return limits;
    }

    /**
     * @param x the input as the network takes it, C×H×W in 0…1
     * <p>A map that is not all finite is refused with a message rather than drawn (see {@link #gradients}).
     */
    public Saliency saliency(TrainedModel model, float[] x, Saliency.Request r) {
        return saliency(new TrainedSubject(model, runner), x, r);
    }

    public Saliency saliency(Subject model, float[] x, Saliency.Request r) {
        try {
            Saliency s = compute(model, x, r);
            if (finite(s.map())) return s;
        } catch (NotFinite e) {
            // refused below
        }
        throw new InvalidInputException("saliency.error.numeric");
    }

    private Saliency compute(Subject model, float[] x, Saliency.Request r) {
        InspectionService.check(model, x);
        model.price(1, 1, true);   // every method makes at least one pass with a backward pass or its memory
        if (r.classIndex() < 0 || r.classIndex() >= model.classes().size()) throw new InvalidInputException("saliency.error.class");
        TensorShape in = model.input();
        int c = in.channels();
        int h = in.height();
        int w = in.width();
        int n = c * h * w;
        try (OpenNetwork loaded = model.open()) {
            float[] map = new float[h * w];
            long forward = 1;
            long backward = 1;
            double sum = Double.NaN;
            double difference = Double.NaN;
            switch (r.method()) {
                case VANILLA, LOSS_GRADIENT -> {
                    float[] g = gradients(loaded, x, 1, in, r.classIndex(), r.method() == Saliency.Method.LOSS_GRADIENT).gradients;
                    maxAbsOverChannels(g, 0, c, h * w, map, 1);
                }
                case GRADIENT_X_INPUT -> {
                    float[] g = gradients(loaded, x, 1, in, r.classIndex(), false).gradients;
                    for (int p = 0; p < h * w; p++) {
                        double s = 0;
                        for (int ch = 0; ch < c; ch++) s += x[ch * h * w + p] * g[ch * h * w + p];
                        map[p] = (float) Math.abs(s);
                    }
                }
                case SMOOTHGRAD -> {
                    int samples = r.samples();
                    if (samples < 1 || samples > limits.maxSmoothgradSamples()) {
                        throw new InvalidInputException("saliency.error.samples", 1, limits.maxSmoothgradSamples());
                    }
                    if (!(r.noise() >= 0 && r.noise() <= 1)) throw new InvalidInputException("saliency.error.noise");
                    budget(model, 2L * samples, in, true);
                    SplittableRandom random = new SplittableRandom(r.seed());   // seeded; its Gaussians (ziggurat) take half java.util.Random's time
                    for (int start = 0; start < samples; start += CHUNK) {
                        int b = Math.min(CHUNK, samples - start);
                        float[] batch = new float[b * n];
                        for (int i = 0; i < b * n; i++) batch[i] = (float) (x[i % n] + r.noise() * random.nextGaussian());
                        float[] g = gradients(loaded, batch, b, in, r.classIndex(), false).gradients;
                        for (int i = 0; i < b; i++) maxAbsOverChannels(g, i * n, c, h * w, map, 1.0 / samples);
                    }
                    forward = samples;
                    backward = samples;
                }
                case INTEGRATED_GRADIENTS -> {
                    int steps = r.steps();
                    if (steps < 1 || steps > limits.maxIgSteps()) throw new InvalidInputException("saliency.error.steps", 1, limits.maxIgSteps());
                    budget(model, 2L * steps + 2, in, true);
                    float[] mean = new float[n];
                    for (int start = 0; start < steps; start += CHUNK) {
                        int b = Math.min(CHUNK, steps - start);
                        float[] batch = new float[b * n];
                        for (int i = 0; i < b; i++) {
                            double alpha = (start + i + 0.5) / steps;   // midpoints of the path from the black baseline x′ = 0
                            for (int p = 0; p < n; p++) batch[i * n + p] = (float) (alpha * x[p]);
                        }
                        float[] g = gradients(loaded, batch, b, in, r.classIndex(), false).gradients;
                        for (int i = 0; i < b; i++) for (int p = 0; p < n; p++) mean[p] += g[i * n + p] / steps;
                    }
                    sum = 0;
                    for (int p = 0; p < h * w; p++) {
                        double a = 0;
                        for (int ch = 0; ch < c; ch++) a += x[ch * h * w + p] * mean[ch * h * w + p];
                        sum += a;
                        map[p] = (float) Math.abs(a);
                    }
                    float[] ends = scores(loaded, concat(x, new float[n]), 2, in, r.classIndex());
                    difference = ends[0] - ends[1];
                    forward = steps + 2L;
                    backward = steps;
                }
                case OCCLUSION -> {
                    int patch = r.patch();
                    int stride = r.stride();
                    if (patch < 1 || patch > Math.min(h, w) || stride < 1 || stride > patch) {
                        throw new InvalidInputException("saliency.error.patch", Math.min(h, w));
                    }
                    List<int[]> windows = new ArrayList<>();
                    for (int y = 0; y + patch <= h; y += stride) for (int xx = 0; xx + patch <= w; xx += stride) windows.add(new int[] {y, xx});
                    budget(model, windows.size() + 1L, in, false);
                    float base = scores(loaded, x, 1, in, r.classIndex())[0];
                    float[] covered = new float[h * w];
                    for (int start = 0; start < windows.size(); start += CHUNK) {
                        int b = Math.min(CHUNK, windows.size() - start);
                        float[] batch = new float[b * n];
                        for (int i = 0; i < b; i++) {
                            System.arraycopy(x, 0, batch, i * n, n);
                            int[] win = windows.get(start + i);
                            for (int ch = 0; ch < c; ch++) {
                                for (int y = win[0]; y < win[0] + patch; y++) {
                                    for (int xx = win[1]; xx < win[1] + patch; xx++) batch[i * n + ch * h * w + y * w + xx] = 0;
                                }
                            }
                        }
                        float[] s = scores(loaded, batch, b, in, r.classIndex());
                        for (int i = 0; i < b; i++) {
                            int[] win = windows.get(start + i);
                            for (int y = win[0]; y < win[0] + patch; y++) {
                                for (int xx = win[1]; xx < win[1] + patch; xx++) {
                                    map[y * w + xx] += base - s[i];
                                    covered[y * w + xx]++;
                                }
                            }
                        }
                    }
                    for (int p = 0; p < map.length; p++) map[p] = covered[p] == 0 ? 0 : Math.max(0, map[p] / covered[p]);
                    forward = windows.size() + 1L;
                    backward = 0;
                }
                case GRAD_CAM -> map = gradCam(loaded, model, x, in, r);
                case LIME -> {
                    if (r.samples() < 10 || r.samples() > limits.maxLimeSamples()) {
                        throw new InvalidInputException("saliency.error.samples", 10, limits.maxLimeSamples());
                    }
                    if (r.patch() < 1 || r.patch() > Math.min(h, w)) throw new InvalidInputException("saliency.error.patch", Math.min(h, w));
                    if (!(r.kernelWidth() > 0 && r.kernelWidth() <= 10)) throw new InvalidInputException("saliency.error.kernelWidth");
                    budget(model, r.samples() + 1L, in, false);
                    map = lime(loaded, x, in, r);
                    forward = r.samples();
                    backward = 0;
                }
            }
            byte[] png = MapRenderer.render(map, h, w, Colormap.VIRIDIS, MapRenderer.maxAbs(map)).png();
            byte[] input = PngEncoder.encode(PixelImage.fromUnit(c, h, w, x));
            return new Saliency(r.method(), r.classIndex(), map, h, w, png, input, forward, backward, sum, difference);
        }
    }

    /** The layer Grad-CAM uses by default: the last one whose output is still a grid (C, H, W with H, W > 1). */
    public static int defaultCamLayer(TrainedModel model) {
        return defaultCamLayer(model.network());
    }

    public static int defaultCamLayer(org.cnnlab.network.NetworkSpec network) {
        var analysis = new org.cnnlab.network.ShapeInference(org.cnnlab.network.NetworkLimits.defaults()).analyse(network);
        int found = -1;
        for (var report : analysis.layers()) {
            TensorShape s = report.output();
            if (s != null && s.isImage() && s.height() > 1 && s.width() > 1) found = report.index();
        }
        return found;
    }

    private float[] gradCam(OpenNetwork loaded, Subject model, float[] x, TensorShape in, Saliency.Request r) {
        int layer = r.layer() >= 0 ? r.layer() : model.camLayer();
        if (layer < 0 || layer >= loaded.depth() - 1) throw new InvalidInputException("saliency.error.noConv");
        try (NDManager s = loaded.scope()) {
            NDArray a = loaded.layers(s.create(x, new Shape(1, in.channels(), in.height(), in.width())), 0, layer + 1);
            if (a.getShape().dimension() != 4) throw new InvalidInputException("saliency.error.noConv");
            NDArray activations = a.duplicate();                                                          // A (1, K, h, w)
            activations.setRequiresGradient(true);
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = s.getEngine().newGradientCollector()) {
                NDArray z = loaded.layers(activations, layer + 1, loaded.depth());
                collector.backward(z.get(":, " + r.classIndex()).sum());
            }
            NDArray alpha = activations.getGradient().mean(new int[] {3}, true).mean(new int[] {2}, true);                      // (1, K, 1, 1)
            NDArray cam = activations.mul(alpha).sum(new int[] {1}).maximum(0f).squeeze(0);               // (h, w)
            long[] shape = cam.getShape().getShape();
            return upsample(cam.toFloatArray(), (int) shape[0], (int) shape[1], in.height(), in.width());
        }
    }

    /**
     * LIME: the segments are square patches (pixel (y, x) in segment (y / p, x / p)) or SLIC superpixels
     * of about p pixels a side. Each sample switches every segment on with probability ½ (off = black),
     * the network gives p_c, and a weighted ridge regression explains p_c by the segments that were on.
     */
    private float[] lime(OpenNetwork loaded, float[] x, TensorShape in, Saliency.Request r) {
        int h = in.height();
        int w = in.width();
        int n = in.channels() * h * w;
        int p = r.patch();
        int[] segment = new int[h * w];
        if (r.segments() == Saliency.Segments.SUPERPIXELS) {
            segment = org.cnnlab.imaging.Superpixels.slic(x, in.channels(), h, w, Math.max(2, p), 0.1);
        } else {
            int cols = (w + p - 1) / p;
            for (int y = 0; y < h; y++) for (int xx = 0; xx < w; xx++) segment[y * w + xx] = (y / p) * cols + xx / p;
        }
        int segments = org.cnnlab.imaging.Superpixels.count(segment);
        if (segments > limits.maxLimeSegments()) throw new InvalidInputException("saliency.error.segments", segments, limits.maxLimeSegments());
        SplittableRandom random = new SplittableRandom(r.seed());
        double[][] z = new double[r.samples()][segments];
        double[] target = new double[r.samples()];
        boolean[] on = new boolean[segments];
        int plane = h * w;
        for (int start = 0; start < r.samples(); start += CHUNK) {
            int b = Math.min(CHUNK, r.samples() - start);
            float[] batch = new float[b * n];   // zeros: what is off stays black
            for (int i = 0; i < b; i++) {
                double[] zi = z[start + i];
                for (int s = 0; s < segments; s++) {
                    on[s] = start + i == 0 || random.nextBoolean();   // sample 0: the image itself
                    zi[s] = on[s] ? 1 : 0;
                }
                for (int ch = 0; ch < in.channels(); ch++) {
                    int from = ch * plane;
                    int to = i * n + from;
                    for (int q = 0; q < plane; q++) if (on[segment[q]]) batch[to + q] = x[from + q];
                }
            }
            float[] probabilities = probabilities(loaded, batch, b, in, r.classIndex());
            for (int i = 0; i < b; i++) target[start + i] = probabilities[i];
        }
        double[] weights = new double[r.samples()];
        for (int i = 0; i < r.samples(); i++) {
            double kept = 0;
            for (double v : z[i]) kept += v;
            double cosine = kept == 0 ? 0 : kept / (Math.sqrt(kept) * Math.sqrt(segments));
            double d = 1 - cosine;
            weights[i] = Math.exp(-d * d / (r.kernelWidth() * r.kernelWidth()));
        }
        double[] beta = LinearFit.ridge(z, target, weights, 1e-3);
        float[] map = new float[h * w];
        for (int q = 0; q < h * w; q++) map[q] = (float) Math.max(0, beta[1 + segment[q]]);
        return map;
    }

    /** softmax(z)_c for a batch of b inputs, no gradient. */
    private static float[] probabilities(OpenNetwork loaded, float[] batch, int b, TensorShape in, int c) {
        try (NDManager s = loaded.scope(); Autograd.Held off = Autograd.withoutGradients()) {
            NDArray x = s.create(batch, new Shape(b, in.channels(), in.height(), in.width()));
            return loaded.logits(x).softmax(-1).get(":, " + c).toFloatArray();
        }
    }

    /** Bilinear resampling of an h×w map to H×W (pixel centres aligned). */
    static float[] upsample(float[] map, int h, int w, int outH, int outW) {
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.clamp((y + 0.5) * h / outH - 0.5, 0, h - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.clamp((x + 0.5) * w / outW - 0.5, 0, w - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                out[y * outW + x] = (float) ((1 - fy) * ((1 - fx) * map[y0 * w + x0] + fx * map[y0 * w + x1])
                        + fy * ((1 - fx) * map[y1 * w + x0] + fx * map[y1 * w + x1]));
            }
        }
        return out;
    }

    /** Refuses a request over the pass budget, or over the budget of passes × input values (large inputs get fewer passes). */
    private void budget(Subject model, long passes, TensorShape in, boolean gradients) {
        if (passes > limits.maxPasses()) throw new InvalidInputException("saliency.error.budget", passes, limits.maxPasses(), in);
        long values = (long) in.channels() * in.height() * in.width();
        if (passes * values > limits.maxPassValues()) {
            throw new InvalidInputException("saliency.error.budget", passes, Math.max(1, limits.maxPassValues() / values));
        }
        // a gradient pass is counted as two above (forward and backward); the price counts it as one image with a backward pass
        model.price((int) Math.min(CHUNK, passes), gradients ? (passes + 1) / 2 : passes, gradients);
    }

    private record Gradients(float[] gradients, float[] scores) {
    }

    /**
     * {@link #rawGradients} for a batch of b inputs in one backward pass, refused when not all finite.
     * When a batched pass gives values that are not numbers, the batch is done again one input per
     * backward pass: with batches of 2 or more, about 2 % of input-gradient computations came back
     * with NaN on these machines (measured with a GC every 20 calls; never with one input in the same
     * run). The batched pass is 3–4 times faster (see the inspection benchmark), so it comes first,
     * except for a model whose batched gradients are not to be trusted ({@link OpenNetwork#batchedGradients}).
     */
    private static Gradients gradients(OpenNetwork loaded, float[] batch, int b, TensorShape in, int c, boolean loss) {
        if (b > 1 && loaded.batchedGradients()) {
            Gradients all = rawGradients(loaded, batch, b, in, c, loss);
            if (finite(all.gradients) && finite(all.scores)) return all;
        }
        int n = batch.length / b;
        float[] gradients = new float[batch.length];
        float[] scores = new float[b];
        for (int i = 0; i < b; i++) {
            Gradients g = rawGradients(loaded, java.util.Arrays.copyOfRange(batch, i * n, (i + 1) * n), 1, in, c, loss);
            if (!finite(g.gradients) || !finite(g.scores)) throw new NotFinite();
            System.arraycopy(g.gradients, 0, gradients, i * n, n);
            scores[i] = g.scores[0];
        }
        return new Gradients(gradients, scores);
    }

    /** A computation that met values that are not numbers. */
    private static final class NotFinite extends RuntimeException {
        NotFinite() {
            super(null, null, false, false);
        }
    }

    private static boolean finite(float[] values) {
        for (float v : values) if (!Float.isFinite(v)) return false;
        return true;
    }

    /** ∂S_c/∂x (or ∂L/∂x with L = −log softmax(z)_c) for a batch of b inputs; one forward and one backward pass. */
    private static Gradients rawGradients(OpenNetwork loaded, float[] batch, int b, TensorShape in, int c, boolean loss) {
        try (NDManager s = loaded.scope()) {
            NDArray x = s.create(batch, new Shape(b, in.channels(), in.height(), in.width()));         // (B, C, H, W)
            x.setRequiresGradient(true);
            float[] scores;
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = s.getEngine().newGradientCollector()) {
                NDArray z = loaded.logits(x);                                                               // (B, classes)
                NDArray target = loss ? z.logSoftmax(-1).get(":, " + c).neg() : z.get(":, " + c);          // (B)
                collector.backward(target.sum());
                scores = z.get(":, " + c).toFloatArray();
            }
            return new Gradients(x.getGradient().toFloatArray(), scores);
        }
    }

    /** S_c for a batch of b inputs, no gradient. */
    private static float[] scores(OpenNetwork loaded, float[] batch, int b, TensorShape in, int c) {
        try (NDManager s = loaded.scope(); Autograd.Held off = Autograd.withoutGradients()) {
            NDArray x = s.create(batch, new Shape(b, in.channels(), in.height(), in.width()));
            return loaded.logits(x).get(":, " + c).toFloatArray();
        }
    }

    /** map[p] += weight · max over channels of |g[offset + ch·plane + p]|. */
    private static void maxAbsOverChannels(float[] g, int offset, int channels, int plane, float[] map, double weight) {
        for (int p = 0; p < plane; p++) {
            float m = 0;
            for (int ch = 0; ch < channels; ch++) m = Math.max(m, Math.abs(g[offset + ch * plane + p]));
            map[p] += (float) (weight * m);
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
