package org.cnnlab.network;

import static org.cnnlab.network.LayerSpec.Activation.Kind.RELU;
import static org.cnnlab.network.LayerSpec.Activation.Kind.TANH;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.network.LayerSpec.Activation;
import org.cnnlab.network.LayerSpec.AvgPool;
import org.cnnlab.network.LayerSpec.Conv2d;
import org.cnnlab.network.LayerSpec.Dense;
import org.cnnlab.network.LayerSpec.Dropout;
import org.cnnlab.network.LayerSpec.Flatten;
import org.cnnlab.network.LayerSpec.MaxPool;

/** Networks worth knowing by name. Their sizes are the published ones; every count is computed. */
public enum NetworkPresets {
    /** The lecture's in-class quiz: 48×48×3 (implied by its 12·42·42·128 term), conv 3×3×8, conv 5×5×12, dense 128, dense 5. */
    LECTURE_QUIZ,
    /** The lecture's single-layer MLP: a 224×224×3 image flattened into 128 neurons. */
    LECTURE_MLP,
    /** LeNet-5 in its classic form: tanh, average pooling. */
    LENET5,
    /** CNN Explainer's Tiny VGG: 64×64×3, two blocks of two 3×3 convs with 10 filters, 10 classes. */
    TINY_VGG,
    /** VGG-16 (configuration D): 13 conv layers 3×3 with padding 1, three dense layers, 1,000 classes. */
    VGG16;

    public NetworkSpec spec() {
        return switch (this) {
            case LECTURE_QUIZ -> NetworkSpec.of(TensorShape.image(3, 48, 48),
                    Conv2d.of(8, 3), new Activation(RELU), Conv2d.of(12, 5), new Activation(RELU),
                    new Flatten(), new Dense(128), new Activation(RELU), new Dense(5));
            case LECTURE_MLP -> NetworkSpec.of(TensorShape.image(3, 224, 224), new Flatten(), new Dense(128));
            case LENET5 -> NetworkSpec.of(TensorShape.image(1, 32, 32),
                    Conv2d.of(6, 5), new Activation(TANH), new AvgPool(2, 2),
                    Conv2d.of(16, 5), new Activation(TANH), new AvgPool(2, 2),
                    new Flatten(), new Dense(120), new Activation(TANH), new Dense(84), new Activation(TANH), new Dense(10));
            case TINY_VGG -> NetworkSpec.of(TensorShape.image(3, 64, 64),
                    Conv2d.of(10, 3), new Activation(RELU), Conv2d.of(10, 3), new Activation(RELU), new MaxPool(2, 2),
                    Conv2d.of(10, 3), new Activation(RELU), Conv2d.of(10, 3), new Activation(RELU), new MaxPool(2, 2),
                    new Flatten(), new Dense(10));
            case VGG16 -> vgg16();
        };
    }

    private static NetworkSpec vgg16() {
        List<LayerSpec> layers = new ArrayList<>();
        int[][] blocks = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
        for (int[] block : blocks) {
            for (int n = 0; n < block[1]; n++) {
                layers.add(new Conv2d(block[0], 3, 1, 1, 1));
                layers.add(new Activation(RELU));
            }
            layers.add(new MaxPool(2, 2));
        }
        layers.add(new Flatten());
        layers.add(new Dense(4096));
        layers.add(new Activation(RELU));
        layers.add(new Dropout(0.5));
        layers.add(new Dense(4096));
        layers.add(new Activation(RELU));
        layers.add(new Dropout(0.5));
        layers.add(new Dense(1000));
        return new NetworkSpec(NetworkSpec.CURRENT_VERSION, TensorShape.image(3, 224, 224), layers);
    }
}
