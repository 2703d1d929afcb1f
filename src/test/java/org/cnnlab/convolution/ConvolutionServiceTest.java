package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.SampleImages;
import org.junit.jupiter.api.Test;

/** The real DJL path (PyTorch on CPU) on the lecture's own 7×9 matrix. */
class ConvolutionServiceTest extends ConvolutionFixture {

    private static final PixelImage MATRIX = SampleImages.lectureMatrix();

    private static FeatureMap run(KernelPreset preset, ConvolutionSettings settings) {
        return convolution.apply(MATRIX, List.of(preset.kernel(3)), settings).maps().getFirst();
    }

    @Test
    void the_djl_map_of_sobel_f1_on_the_slide_matrix_equals_the_walkthrough_and_the_reference() {
        ConvolutionSettings s = ConvolutionSettings.defaults();
        Kernel f1 = KernelPreset.SOBEL_F1.kernel(3);
        FeatureMap map = run(KernelPreset.SOBEL_F1, s);
        double[] reference = ReferenceConvolution.valid(MATRIX, f1.weights(), 3);
        assertThat(map.height()).isEqualTo(5);
        assertThat(map.width()).isEqualTo(7);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                double walk = Walkthrough.explain(MATRIX, List.of(f1), List.of(0), s, i, j).sum();
                assertThat((double) map.at(i, j)).as("G[%d,%d]", i, j)
                        .isCloseTo(reference[i * 7 + j], within(1e-3))
                        .isCloseTo(walk, within(1e-3));
            }
        }
    }

    @Test
    void flipping_negates_sobel_f1_and_leaves_the_symmetric_laplacian_unchanged() {
        ConvolutionSettings plain = new ConvolutionSettings(3, Padding.SAME, 1, 1, false, 0, ChannelMode.GREY);
        ConvolutionSettings flipped = new ConvolutionSettings(3, Padding.SAME, 1, 1, true, 0, ChannelMode.GREY);
        FeatureMap sobel = run(KernelPreset.SOBEL_F1, plain);
        FeatureMap sobelFlipped = run(KernelPreset.SOBEL_F1, flipped);
        FeatureMap laplacian = run(KernelPreset.LAPLACIAN_F2, plain);
        FeatureMap laplacianFlipped = run(KernelPreset.LAPLACIAN_F2, flipped);
        boolean someNonZero = false;
        for (int n = 0; n < sobel.values().length; n++) {
            assertThat(sobelFlipped.values()[n]).isEqualTo(-sobel.values()[n]);
            assertThat(laplacianFlipped.values()[n]).isEqualTo(laplacian.values()[n]);
            someNonZero |= sobel.values()[n] != 0;
        }
        assertThat(someNonZero).isTrue();
    }

    @Test
    void a_kernel_larger_than_the_padded_image_is_refused_with_a_reason() {
        ConvolutionSettings big = ConvolutionSettings.defaults().withKernelSize(9);
        assertThatThrownBy(() -> convolution.apply(MATRIX, List.of(Kernel.identity(9)), big))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("conv.error.kernelTooLarge");
    }

    @Test
    void non_finite_and_absurd_weights_are_refused() {
        ConvolutionSettings s = ConvolutionSettings.defaults();
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e7f}) {
            float[] w = new float[9];
            w[4] = bad;
            assertThatThrownBy(() -> convolution.apply(MATRIX, List.of(new Kernel(3, w)), s))
                    .isInstanceOf(InvalidInputException.class);
        }
    }
}
