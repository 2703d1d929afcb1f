package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KernelTest {

    @Test
    void flipping_turns_the_kernel_by_180_degrees() {
        Kernel k = Kernel.of(new float[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        assertThat(k.flipped()).isEqualTo(Kernel.of(new float[][] {{9, 8, 7}, {6, 5, 4}, {3, 2, 1}}));
        assertThat(k.flipped().flipped()).isEqualTo(k);
    }

    @Test
    void sobel_f1_flipped_is_its_negative_and_the_laplacian_is_symmetric() {
        Kernel f1 = KernelPreset.SOBEL_F1.kernel(3);
        float[] flipped = f1.flipped().weights();
        float[] original = f1.weights();
        for (int i = 0; i < 9; i++) {
            assertThat(flipped[i]).isEqualTo(-original[i]);
        }
        Kernel f2 = KernelPreset.LAPLACIAN_F2.kernel(3);
        assertThat(f2.flipped()).isEqualTo(f2);
    }

    @Test
    void the_lecture_presets_have_the_lecture_values() {
        assertThat(KernelPreset.SOBEL_F1.kernel(3).weights()).containsExactly(-1, -2, -1, 0, 0, 0, 1, 2, 1);
        assertThat(KernelPreset.SOBEL_F1_TRANSPOSED.kernel(3).weights()).containsExactly(-1, 0, 1, -2, 0, 2, -1, 0, 1);
        assertThat(KernelPreset.LAPLACIAN_F2.kernel(3).weights()).containsExactly(0, 1, 0, 1, -4, 1, 0, 1, 0);
    }

    @ParameterizedTest
    @EnumSource(value = KernelPreset.class, names = {"BOX_BLUR", "GAUSSIAN_BLUR", "IDENTITY"})
    void blurs_and_identity_scale_to_any_size_and_keep_brightness(KernelPreset preset) {
        for (int k = 1; k <= 15; k++) {
            Kernel kernel = preset.kernel(k);
            assertThat(kernel.size()).isEqualTo(k);
            double sum = 0;
            for (float w : kernel.weights()) sum += w;
            assertThat(sum).as("%s k=%d", preset, k).isCloseTo(1.0, within(1e-5));
        }
    }

    @Test
    void the_gaussian_5x5_is_the_binomial_outer_product() {
        Kernel g = KernelPreset.GAUSSIAN_BLUR.kernel(5);
        int[] row = {1, 4, 6, 4, 1};
        for (int u = 0; u < 5; u++) {
            for (int v = 0; v < 5; v++) {
                assertThat(g.at(u, v)).isCloseTo(row[u] * row[v] / 256f, within(1e-7f));
            }
        }
    }

    @Test
    void resizing_keeps_the_top_left_values_and_pads_with_zeros() {
        Kernel k = Kernel.of(new float[][] {{1, 2}, {3, 4}});
        assertThat(k.resized(3).weights()).containsExactly(1, 2, 0, 3, 4, 0, 0, 0, 0);
        assertThat(k.resized(1).weights()).containsExactly(1);
    }

    @Test
    void conv_layer_filters_have_k_k_c_in_plus_one_parameters() {
        ConvolutionSettings layer = new ConvolutionSettings(3, Padding.VALID, 1, 1, false, 0, ChannelMode.CONV_LAYER);
        assertThat(layer.parameterCount(3)).isEqualTo(3 * 3 * 3 + 1);
        assertThat(layer.parameterCount(1)).isEqualTo(3 * 3 + 1);
        assertThat(layer.withKernelSize(5).parameterCount(8)).isEqualTo(5 * 5 * 8 + 1);
    }
}
