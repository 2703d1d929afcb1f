package org.cnnlab.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The lecture's case against a dense first layer, in numbers: a dense layer of N neurons on a
 * W×H×C image has (W·H·C + 1)·N parameters and uses each weight once per image; a conv layer of F
 * k×k filters on the same image has (k·k·C + 1)·F and uses each weight at every one of its output
 * positions. Convolution is translation-equivariant (a shifted input gives a shifted map), not
 * invariant: invariance comes, at best approximately, from pooling.
 */
public record MlpComparison(NetworkAnalysis dense, NetworkAnalysis conv, long denseParameters, long convParameters,
                            long convPositions, long inputValues) {

    /** The first dense layer's parameters per conv-layer parameter: how many times smaller the conv layer is. */
    public double ratio() {
        return (double) dense.layers().get(1).trainable() / convParameters;
    }

    /** @param neurons the dense layers' sizes (0 entries are skipped); the first is the one compared */
    public static MlpComparison of(ShapeInference inference, int width, int height, int channels, int[] neurons,
                                   int filters, int kernel) {
        TensorShape input = TensorShape.image(channels, height, width);
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec.Flatten());
        for (int n : neurons) {
            if (n != 0) layers.add(new LayerSpec.Dense(n));
        }
        NetworkAnalysis dense = inference.analyse(new NetworkSpec(NetworkSpec.CURRENT_VERSION, input, layers));
        NetworkAnalysis conv = inference.analyse(NetworkSpec.of(input, LayerSpec.Conv2d.of(filters, kernel)));
        LayerReport first = conv.layers().getFirst();
        long positions = first.failed() ? 0 : (long) first.output().height() * first.output().width();
        return new MlpComparison(dense, conv, dense.trainable(), conv.trainable(), positions, input.size());
    }
}
