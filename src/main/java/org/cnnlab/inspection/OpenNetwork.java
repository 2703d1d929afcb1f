package org.cnnlab.inspection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * A network opened for one inspection or saliency request and closed by the caller: the logits
 * z = f(x) with autograd flowing back to x, and, where the model allows it, its layers one at a
 * time. Arrays live in the scopes it hands out.
 */
public interface OpenNetwork extends AutoCloseable {

    /** A scope for one computation's arrays; the caller closes it. */
    NDManager scope();

    /** z = f(x) for a batch x (B, C, H, W): (B, classes), evaluation behaviour (no dropout), gradients kept. */
    NDArray logits(NDArray x);

    /**
     * Whether the input gradients of a batch can come from one backward pass. A TorchScript model's
     * cannot: the first two batched passes of each new batch size (TorchScript's profiling runs)
     * gave gradients up to 0.45 off the one-input answer, which always matched PyTorch's.
     */
    boolean batchedGradients();

    /** How many layers can be run one at a time; 0 when the model is one opaque block. */
    int depth();

    /** Layers {@code from} … {@code to − 1} applied to a. */
    NDArray layers(NDArray a, int from, int to);

    /** What the model shows of its insides for one input, in order, and its logits. */
    Insides insides(NDArray x);

    /** The first convolution's weights (F, C, k, k) and biases (F, or null), any copies made in {@code scope}; null when there is none. */
    NDArray[] firstFilters(NDManager scope);

    @Override
    void close();

    /** One shown activation: its name (a builder layer type when {@code builderType}, else the name a TorchScript model gives it) and value. */
    record Named(String name, boolean builderType, NDArray value) {
    }

    record Insides(List<Named> layers, NDArray logits) {
    }
}
