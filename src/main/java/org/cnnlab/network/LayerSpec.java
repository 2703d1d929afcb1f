package org.cnnlab.network;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * One layer of a {@link NetworkSpec}, as plain data. Sizes are what a student types; whether they
 * fit the incoming shape is for {@link ShapeInference} to say, layer by layer.
 */
public sealed interface LayerSpec extends Serializable {

    /** Every kind of layer, with the name it has in JSON and in i18n keys ("layer." + name). */
    List<String> TYPES = List.of("conv2d", "maxpool", "avgpool", "globalavgpool", "relu", "sigmoid", "tanh",
            "batchnorm", "dropout", "flatten", "dense");

    static String type(LayerSpec layer) {
        return switch (layer) {
            case Conv2d c -> "conv2d";
            case MaxPool p -> "maxpool";
            case AvgPool p -> "avgpool";
            case GlobalAvgPool g -> "globalavgpool";
            case Activation a -> a.kind().name().toLowerCase(Locale.ROOT);
            case BatchNorm b -> "batchnorm";
            case Dropout d -> "dropout";
            case Flatten f -> "flatten";
            case Dense d -> "dense";
        };
    }

    /**
     * Where "add a layer" puts a new one: right after the selected layer; with none selected, before
     * the output layer (a final dense layer), so the classifier stays last; otherwise at the end.
     */
    static int placeFor(List<LayerSpec> layers, int selected) {
        if (selected >= 0 && selected < layers.size()) return selected + 1;
        if (!layers.isEmpty() && layers.getLast() instanceof LayerSpec.Dense) return layers.size() - 1;
        return layers.size();
    }

    /** A sensible new layer of a kind, as the builder's "add" button makes it. */
    static LayerSpec byDefault(String type) {
        return switch (type) {
            case "conv2d" -> Conv2d.of(8, 3);
            case "maxpool" -> new MaxPool(2, 2);
            case "avgpool" -> new AvgPool(2, 2);
            case "globalavgpool" -> new GlobalAvgPool();
            case "relu" -> new Activation(Activation.Kind.RELU);
            case "sigmoid" -> new Activation(Activation.Kind.SIGMOID);
            case "tanh" -> new Activation(Activation.Kind.TANH);
            case "batchnorm" -> new BatchNorm();
            case "dropout" -> new Dropout(0.5);
            case "flatten" -> new Flatten();
            case "dense" -> new Dense(10);
            default -> throw new IllegalArgumentException("no layer type " + type);
        };
    }

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
