package org.cnnlab.network;

/**
 * One layer of a {@link NetworkSpec}, as plain data. Sizes are what a student types; whether they
 * fit the incoming shape is for {@link ShapeInference} to say, layer by layer.
 */
public sealed interface LayerSpec {

    /** k×k convolution with {@code filters} output channels, zero padding p on every side. */
    record Conv2d(int filters, int kernel, int stride, int padding, int dilation) implements LayerSpec {
        public static Conv2d of(int filters, int kernel) {
            return new Conv2d(filters, kernel, 1, 0, 1);
        }
    }

    record MaxPool(int kernel, int stride) implements LayerSpec {
    }

    record AvgPool(int kernel, int stride) implements LayerSpec {
    }

    /** Averages each channel over the whole map: (C, H, W) → (C). */
    record GlobalAvgPool() implements LayerSpec {
    }

    record Activation(Kind kind) implements LayerSpec {
        public enum Kind { RELU, SIGMOID, TANH }
    }

    /** Per-channel (or per-feature) normalisation: γ and β are learned, the running mean and variance are buffers. */
    record BatchNorm() implements LayerSpec {
    }

    record Dropout(double rate) implements LayerSpec {
    }

    record Flatten() implements LayerSpec {
    }

    /** Fully connected: every input feature to each of {@code units} neurons, plus a bias each. */
    record Dense(int units) implements LayerSpec {
    }
}
