package org.cnnlab.training;

import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.LayerSpec.Activation;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;

/** Networks that fit any data set's shape and class count, for a first training run. */
public enum StarterNetworks {
    /** Two 3×3 conv blocks (16 and 32 filters, padding 1, max pooling), then one dense layer. */
    SMALL_CNN,
    /** The same convolutions ending in global average pooling instead of Flatten. */
    GAP_CNN,
    /** A multilayer perceptron on raw pixels: Flatten, 128 ReLU units, then the classes. */
    MLP;

    public NetworkSpec spec(TensorShape input, int classes) {
        Activation relu = new Activation(Activation.Kind.RELU);
        return switch (this) {
            case SMALL_CNN -> NetworkSpec.of(input, new LayerSpec.Conv2d(16, 3, 1, 1, 1), relu, new LayerSpec.MaxPool(2, 2),
                    new LayerSpec.Conv2d(32, 3, 1, 1, 1), relu, new LayerSpec.MaxPool(2, 2), new LayerSpec.Flatten(),
                    new LayerSpec.Dense(classes));
            case GAP_CNN -> NetworkSpec.of(input, new LayerSpec.Conv2d(16, 3, 1, 1, 1), relu, new LayerSpec.MaxPool(2, 2),
                    new LayerSpec.Conv2d(32, 3, 1, 1, 1), relu, new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(classes));
            case MLP -> NetworkSpec.of(input, new LayerSpec.Flatten(), new LayerSpec.Dense(128), relu, new LayerSpec.Dense(classes));
        };
    }
}
