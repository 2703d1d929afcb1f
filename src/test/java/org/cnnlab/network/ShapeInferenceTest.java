package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.network.LayerSpec.Conv2d;
import org.cnnlab.network.LayerSpec.Dense;
import org.cnnlab.network.LayerSpec.Flatten;
import org.junit.jupiter.api.Test;

/** Shapes and counts, each total worked out here by hand from the layer sizes. */
class ShapeInferenceTest {

    private final ShapeInference inference = new ShapeInference(NetworkLimits.defaults());

    private NetworkAnalysis analyse(NetworkPresets preset) {
        return inference.analyse(preset.spec());
    }

    @Test
    void the_lecture_quiz_network_counts_its_own_terms_and_not_the_slide_total() {
        NetworkAnalysis quiz = analyse(NetworkPresets.LECTURE_QUIZ);
        long conv1 = (3 * 3 * 3 + 1) * 8;            // 224
        long conv2 = (5 * 5 * 8 + 1) * 12;           // 2,412
        long dense1 = (12L * 42 * 42 + 1) * 128;     // 2,709,632
        long dense2 = (128 + 1) * 5;                 // 645
        assertThat(quiz.trainable()).isEqualTo(conv1 + conv2 + dense1 + dense2).isNotEqualTo(2_714_097L);
        assertThat(quiz.layers().get(0).output()).isEqualTo(TensorShape.image(8, 46, 46));
        assertThat(quiz.layers().get(2).output()).isEqualTo(TensorShape.image(12, 42, 42));
        assertThat(quiz.layers().get(4).output()).isEqualTo(TensorShape.vector(12 * 42 * 42));
        assertThat(quiz.output()).isEqualTo(TensorShape.vector(5));
        // nearly all of it sits in the first dense layer
        assertThat((double) dense1 / quiz.trainable()).isGreaterThan(0.99);
    }

    @Test
    void the_lecture_mlp_has_one_weight_per_pixel_and_channel_per_neuron() {
        NetworkAnalysis mlp = analyse(NetworkPresets.LECTURE_MLP);
        assertThat(mlp.trainable()).isEqualTo((224L * 224 * 3 + 1) * 128);
        assertThat(mlp.layers().get(1).weights()).isEqualTo(224L * 224 * 3 * 128);
        assertThat(mlp.layers().get(1).biases()).isEqualTo(128);
    }

    @Test
    void lenet5_classic() {
        NetworkAnalysis lenet = analyse(NetworkPresets.LENET5);
        long expected = (5 * 5 * 1 + 1) * 6 + (5 * 5 * 6 + 1) * 16 + (16 * 5 * 5 + 1) * 120 + (120 + 1) * 84 + (84 + 1) * 10;
        assertThat(lenet.trainable()).isEqualTo(expected);
        assertThat(lenet.layers().get(2).output()).isEqualTo(TensorShape.image(6, 14, 14));
        assertThat(lenet.layers().get(5).output()).isEqualTo(TensorShape.image(16, 5, 5));
    }

    @Test
    void tiny_vgg_of_cnn_explainer() {
        NetworkAnalysis tiny = analyse(NetworkPresets.TINY_VGG);
        long conv = 3 * 3 * 10 * 10 + 10;
        long expected = (3 * 3 * 3 * 10 + 10) + 3 * conv + (13 * 13 * 10 * 10 + 10);
        assertThat(tiny.trainable()).isEqualTo(expected);
        assertThat(tiny.layers().get(4).output()).isEqualTo(TensorShape.image(10, 30, 30));
        assertThat(tiny.layers().get(9).output()).isEqualTo(TensorShape.image(10, 13, 13));
    }

    @Test
    void vgg16_counted_from_its_configuration() {
        NetworkAnalysis vgg = analyse(NetworkPresets.VGG16);
        int[] widths = {64, 64, 128, 128, 256, 256, 256, 512, 512, 512, 512, 512, 512};
        long expected = 0;
        int in = 3;
        for (int w : widths) {
            expected += 9L * in * w + w;
            in = w;
        }
        expected += (512L * 7 * 7 + 1) * 4096 + (4096L + 1) * 4096 + (4096L + 1) * 1000;
        assertThat(vgg.trainable()).isEqualTo(expected);
        assertThat(vgg.output()).isEqualTo(TensorShape.vector(1000));
        // the first conv: 224·224 positions × 64 filters × 3·3·3 products
        assertThat(vgg.layers().getFirst().macs()).isEqualTo(224L * 224 * 64 * 27);
        assertThat(vgg.layers().getFirst().activationBytes()).isEqualTo(224L * 224 * 64 * 4);
    }

    @Test
    void batch_norm_learns_two_values_per_channel_and_keeps_two_buffers() {
        NetworkAnalysis a = inference.analyse(NetworkSpec.of(TensorShape.image(3, 8, 8),
                Conv2d.of(16, 3), new LayerSpec.BatchNorm(), new Flatten(), new Dense(4), new LayerSpec.BatchNorm()));
        LayerReport bn2d = a.layers().get(1);
        assertThat(bn2d.weights() + bn2d.biases()).isEqualTo(2 * 16);
        assertThat(bn2d.buffers()).isEqualTo(2 * 16);
        assertThat(a.layers().get(4).trainable()).isEqualTo(2 * 4);
        assertThat(a.buffers()).isEqualTo(2 * 16 + 2 * 4);
        assertThat(a.trainable()).isEqualTo((27 * 16 + 16) + 32 + (16 * 36 * 4 + 4) + 8);
    }

    @Test
    void stride_padding_and_dilation_follow_the_output_size_formula() {
        // ⌊(10 + 2·2 − 2·(3−1) − 1)/3⌋ + 1 = ⌊9/3⌋ + 1 = 4
        NetworkAnalysis a = inference.analyse(NetworkSpec.of(TensorShape.image(1, 10, 10), new Conv2d(2, 3, 3, 2, 2)));
        assertThat(a.output()).isEqualTo(TensorShape.image(2, 4, 4));
        assertThat(a.macs()).isEqualTo(4 * 4 * 2 * 9);
    }

    @Test
    void an_impossible_shape_is_reported_on_its_layer_and_the_rest_wait() {
        NetworkAnalysis a = inference.analyse(NetworkSpec.of(TensorShape.image(1, 6, 6),
                Conv2d.of(4, 5), Conv2d.of(4, 3), new Flatten(), new Dense(2)));
        assertThat(a.valid()).isFalse();
        assertThat(a.layers().get(0).failed()).isFalse();
        assertThat(a.layers().get(1).errorKey()).isEqualTo("network.error.kernelTooLarge");
        assertThat(a.layers().get(1).errorArgs()).containsExactly(3, 2, 2);
        assertThat(a.layers().get(2).errorKey()).isEqualTo("network.error.previous");
        assertThat(a.output()).isNull();
    }

    @Test
    void a_dense_layer_on_a_map_asks_for_flatten() {
        NetworkAnalysis a = inference.analyse(NetworkSpec.of(TensorShape.image(3, 8, 8), Conv2d.of(4, 3), new Dense(10)));
        assertThat(a.layers().get(1).errorKey()).isEqualTo("network.error.denseNeedsFlatten");
    }

    @Test
    void absurd_sizes_are_refused_on_the_layer() {
        TensorShape in = TensorShape.image(3, 32, 32);
        assertThat(inference.analyse(NetworkSpec.of(in, Conv2d.of(0, 3))).layers().getFirst().errorKey()).isEqualTo("network.error.width");
        assertThat(inference.analyse(NetworkSpec.of(in, Conv2d.of(1_000_000, 3))).layers().getFirst().errorKey()).isEqualTo("network.error.width");
        assertThat(inference.analyse(NetworkSpec.of(in, Conv2d.of(8, -1))).layers().getFirst().errorKey()).isEqualTo("network.error.kernel");
        assertThat(inference.analyse(NetworkSpec.of(in, new Conv2d(8, 3, 0, 0, 1))).layers().getFirst().errorKey()).isEqualTo("network.error.stride");
        assertThat(inference.analyse(NetworkSpec.of(in, new LayerSpec.Dropout(1.0))).layers().getFirst().errorKey()).isEqualTo("network.error.dropout");
        assertThat(inference.analyse(NetworkSpec.of(in, new Flatten(), new LayerSpec.MaxPool(2, 2))).layers().get(1).errorKey())
                .isEqualTo("network.error.needsImage");
    }

    @Test
    void a_thousand_layers_or_an_unknown_version_are_refused_as_a_whole() {
        List<LayerSpec> many = new ArrayList<>(Collections.nCopies(1000, new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU)));
        assertThatThrownBy(() -> inference.analyse(new NetworkSpec(1, TensorShape.image(1, 8, 8), many)))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("network.error.tooManyLayers");
        assertThatThrownBy(() -> inference.analyse(new NetworkSpec(99, TensorShape.image(1, 8, 8), List.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("network.error.version");
        assertThatThrownBy(() -> inference.analyse(NetworkSpec.of(TensorShape.image(0, 8, 8))))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("network.error.input");
    }
}
