package org.cnnlab.network;

/**
 * What running a network costs, worked out before it runs from the per-layer costs of
 * {@link ShapeInference}. For a batch of B images, an input of n₀ floats and layers whose outputs
 * are n_l floats, with P trainable parameters:
 * <pre>
 *   activations(B)      = 4 bytes · B · (n₀ + Σ_l n_l)
 *   training memory(B)  = 3 · activations(B) + 4 · 4 bytes · P     (outputs kept for the backward pass, their
 *                                                                  gradients, ≈ one more copy of workspace;
 *                                                                  weights, gradients, Adam's two moments)
 *   gradient memory(B)  = 3 · activations(B) + 2 · 4 bytes · P     (saliency: ∂/∂x through fixed weights)
 *   forward memory(B)   = activations(B) + 4 bytes · P             (inspection keeps every layer's map)
 *   seconds             = MACs per image · images · (3 with a backward pass, else 1) / MAC rate
 * </pre>
 * The factor 3 for a backward pass: it costs about twice the forward pass's products (Kaplan et
 * al. 2020, "Scaling Laws for Neural Language Models", §2.1: C ≈ 6N per example, 2N of it forward).
 * That activations, not weights, dominate training memory: Chen et al. 2016, "Training Deep Nets
 * with Sublinear Memory Cost", §1.
 */
public record Price(long activationBytesPerImage, long parameters, long macsPerImage) {

    public static Price of(NetworkAnalysis analysis) {
        long input = analysis.spec().input().size() * Float.BYTES;
        return new Price(input + analysis.activationBytes(), analysis.trainable(), analysis.macs());
    }

    public long trainingBytes(int batch) {
        return 3 * activations(batch) + 4L * Float.BYTES * parameters;
    }

    public long gradientBytes(int batch) {
        return 3 * activations(batch) + 2L * Float.BYTES * parameters;
    }

    public long forwardBytes(int batch) {
        return activations(batch) + (long) Float.BYTES * parameters;
    }

    private long activations(int batch) {
        return Math.multiplyHigh(batch, activationBytesPerImage) != 0 ? Long.MAX_VALUE / 4 : batch * activationBytesPerImage;
    }

    /** Seconds for {@code images} passes through the network, each with a backward pass or not, at {@code macsPerSecond}. */
    public double seconds(double images, boolean backward, double macsPerSecond) {
        return macsPerImage * images * (backward ? 3 : 1) / macsPerSecond;
    }

    /** The largest batch whose training memory fits {@code bytes} (0 when not even one image does). */
    public int largestTrainingBatch(long bytes) {
        long left = bytes - 4L * Float.BYTES * parameters;
        return left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, left / Math.max(1, 3 * activationBytesPerImage));
    }
}
