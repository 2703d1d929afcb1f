package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MlpComparisonTest {

    private final ShapeInference inference = new ShapeInference(NetworkLimits.defaults());

    @Test
    void the_lecture_question_against_a_conv_layer_on_the_same_image() {
        MlpComparison m = MlpComparison.of(inference, 224, 224, 3, new int[] {128, 0}, 128, 3);
        long dense = (224L * 224 * 3 + 1) * 128;
        long conv = (3 * 3 * 3 + 1) * 128;
        assertThat(m.denseParameters()).isEqualTo(dense);
        assertThat(m.convParameters()).isEqualTo(conv);
        assertThat(m.ratio()).isCloseTo((double) dense / conv, within(1e-9));
        assertThat(m.convPositions()).isEqualTo(222L * 222);
    }

    @Test
    void the_ratio_compares_the_first_dense_layer_even_with_a_second_one() {
        MlpComparison m = MlpComparison.of(inference, 32, 32, 1, new int[] {64, 10}, 8, 5);
        long first = (32L * 32 + 1) * 64;
        assertThat(m.denseParameters()).isEqualTo(first + (64 + 1) * 10);
        assertThat(m.ratio()).isCloseTo((double) first / ((5 * 5 + 1) * 8), within(1e-9));
    }
}
