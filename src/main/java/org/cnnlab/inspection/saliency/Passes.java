package org.cnnlab.inspection.saliency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.inspection.OpenNetwork;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;
import org.cnnlab.network.TensorShape;

/**
 * The passes every method is made of, for a batch of b inputs (B, C, H, W): the input gradient
 * ∂S_c/∂x (or ∂L/∂x with L = −log softmax(z)_c) in one forward and one backward pass, the class
 * score S_c = z_c, and softmax(z)_c, the last two without gradients. Gradients come from DJL's
 * autograd, one collector at a time ({@link Autograd}). Methods send their samples in batches of
 * {@link #CHUNK}, and say after each batch how far they are ({@link Progress}).
 */
public final class Passes {
    /** Inputs per batch. */
    static final int CHUNK = 32;

    private Passes() {
    }

    /** A computation that met values that are not numbers; the service refuses it with a message. */
    public static final class NotFinite extends RuntimeException {
        NotFinite() {
            super(null, null, false, false);
        }
    }

    record Gradients(float[] gradients, float[] scores) {
    }

    /**
     * Refuses {@code passes} passes over the pass budget, or over the budget of passes × input values
     * (large inputs get fewer passes), then prices them on the model's design ({@link Subject#price}).
     * A gradient pass is counted as two here (forward and backward); the price counts it as one image
     * with a backward pass.
     */
    static void budget(Subject model, SaliencyLimits limits, long passes, boolean gradients) {
        TensorShape in = model.input();
        if (passes > limits.maxPasses()) throw new InvalidInputException("saliency.error.budget", passes, limits.maxPasses(), in);
        long values = (long) in.channels() * in.height() * in.width();
        if (passes * values > limits.maxPassValues()) {
            throw new InvalidInputException("saliency.error.budget", passes, Math.max(1, limits.maxPassValues() / values));
        }
        long inputs = gradients ? (passes + 1) / 2 : passes;   // the inputs sent through the network, in batches of at most CHUNK
        model.price((int) Math.min(CHUNK, inputs), inputs, gradients);
    }

    /** The price of one forward and one backward pass (the gradient methods that need no more): 2 passes. */
    static long oneGradientPass(Subject model, SaliencyLimits limits) {
        budget(model, limits, 2, true);
        return 2;
    }

    /**
     * Input gradients for a batch in one backward pass, refused when not all finite. When a batched
     * pass gives values that are not numbers, the batch is done again one input per backward pass:
     * with batches of 2 or more, about 2 % of input-gradient computations came back with NaN on these
     * machines (measured with a GC every 20 calls; never with one input in the same run). The batched
     * pass is 3–4 times faster (see the inspection benchmark), so it comes first, except for a model
     * whose batched gradients are not to be trusted ({@link OpenNetwork#batchedGradients}).
     */
    static Gradients gradients(Computation c, float[] batch, int b, int classIndex, boolean loss) {
        OpenNetwork network = c.network();
        if (b > 1 && network.batchedGradients()) {
            Gradients all = rawGradients(network, batch, b, c.in(), classIndex, loss);
            if (finite(all.gradients) && finite(all.scores)) return all;
        }
        int n = batch.length / b;
        float[] gradients = new float[batch.length];
        float[] scores = new float[b];
        for (int i = 0; i < b; i++) {
            Gradients g = rawGradients(network, Arrays.copyOfRange(batch, i * n, (i + 1) * n), 1, c.in(), classIndex, loss);
            if (!finite(g.gradients) || !finite(g.scores)) throw new NotFinite();
            System.arraycopy(g.gradients, 0, gradients, i * n, n);
            scores[i] = g.scores[0];
        }
        return new Gradients(gradients, scores);
    }

    private static Gradients rawGradients(OpenNetwork network, float[] batch, int b, TensorShape in, int c, boolean loss) {
        try (NDManager s = network.scope()) {
            NDArray x = s.create(batch, new Shape(b, in.channels(), in.height(), in.width()));         // (B, C, H, W)
            x.setRequiresGradient(true);
            float[] scores;
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = s.getEngine().newGradientCollector()) {
                NDArray z = network.logits(x);                                                              // (B, classes)
                NDArray target = loss ? z.logSoftmax(-1).get(":, " + c).neg() : z.get(":, " + c);          // (B)
                collector.backward(target.sum());
                scores = z.get(":, " + c).toFloatArray();
            }
            return new Gradients(x.getGradient().toFloatArray(), scores);
        }
    }

    /** S_c for a batch of b inputs, no gradient. */
    static float[] scores(Computation c, float[] batch, int b, int classIndex) {
        TensorShape in = c.in();
        try (NDManager s = c.network().scope(); Autograd.Held off = Autograd.withoutGradients()) {
            NDArray x = s.create(batch, new Shape(b, in.channels(), in.height(), in.width()));
            return c.network().logits(x).get(":, " + classIndex).toFloatArray();
        }
    }

    /** softmax(z)_c for a batch of b inputs, no gradient. */
    static float[] probabilities(Computation c, float[] batch, int b, int classIndex) {
        TensorShape in = c.in();
        try (NDManager s = c.network().scope(); Autograd.Held off = Autograd.withoutGradients()) {
            NDArray x = s.create(batch, new Shape(b, in.channels(), in.height(), in.width()));
            return c.network().logits(x).softmax(-1).get(":, " + classIndex).toFloatArray();
        }
    }

    /** map[p] += weight · max over channels of |g[offset + ch·plane + p]|. */
    static void maxAbsOverChannels(float[] g, int offset, int channels, int plane, float[] map, double weight) {
        for (int p = 0; p < plane; p++) {
            float m = 0;
            for (int ch = 0; ch < channels; ch++) m = Math.max(m, Math.abs(g[offset + ch * plane + p]));
            map[p] += (float) (weight * m);
        }
    }

    static boolean finite(float[] values) {
        for (float v : values) if (!Float.isFinite(v)) return false;
        return true;
    }
}
