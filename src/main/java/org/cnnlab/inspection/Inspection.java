package org.cnnlab.inspection;

import java.util.List;
import org.cnnlab.network.TensorShape;

/**
 * What a network does with one input, as plain data: each layer's activations (one picture per
 * channel on the layer's shared colour scale, or one strip for a vector), the class probabilities,
 * and the first convolution's learned filters as pictures and numbers.
 */
public record Inspection(byte[] input, List<Layer> layers, List<String> classes, double[] probabilities, List<Filter> filters) {

    /** The most likely class's index (the first of equals). */
    public int best() {
        int best = 0;
        for (int c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[best]) best = c;
        return best;
    }

    /**
     * A layer's output: its type (a builder name when {@code builderType}, else the name a TorchScript
     * model gave it), shape, value range and pictures (at most {@value InspectionService#MAX_MAPS} channels).
     */
    public record Layer(int index, String type, boolean builderType, TensorShape shape, double min, double max, double scale, List<byte[]> maps,
                        int channels) {
    }

    /** A first-layer filter: its picture (channel by channel side by side) and its k×k weights of the first input channel. */
    public record Filter(int index, byte[] png, int kernel, float[] weights, float bias) {
    }
}
