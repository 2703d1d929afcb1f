package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.SampleImages;
import org.junit.jupiter.api.Test;

class WalkthroughTest {

    private static final PixelImage MATRIX = SampleImages.lectureMatrix();
    private static final Kernel F1 = KernelPreset.SOBEL_F1.kernel(3);

    private static Walkthrough.Cell explain(Kernel kernel, ConvolutionSettings s, int row, int col) {
        return Walkthrough.explain(MATRIX, List.of(s.flip() ? kernel.flipped() : kernel), List.of(0), s, row, col);
    }

    @Test
    void first_cell_of_sobel_f1_on_the_slide_matrix_is_the_sum_of_its_nine_products() {
        Walkthrough.Cell cell = explain(F1, ConvolutionSettings.defaults(), 0, 0);
        // rows 0..2, columns 0..2 of the slide matrix weighted by f1, written out by hand
        double byHand = -1 * 100 - 2 * 81 - 1 * 25 + 0 * 45 + 0 * 30 + 0 * 7 + 1 * 70 + 2 * 81 + 1 * 25;
        assertThat(cell.terms()).hasSize(9);
        assertThat(cell.sum()).isEqualTo(byHand);
        assertThat(cell.terms().get(1).pixel()).isEqualTo(81f);
        assertThat(cell.terms().get(1).weight()).isEqualTo(-2f);
        assertThat(cell.terms().get(1).product()).isEqualTo(-162.0);
    }

    @Test
    void every_cell_of_the_walkthrough_agrees_with_the_reference_loops() {
        double[] reference = ReferenceConvolution.valid(MATRIX, F1.weights(), 3);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(explain(F1, ConvolutionSettings.defaults(), i, j).sum())
                        .as("G[%d,%d]", i, j).isCloseTo(reference[i * 7 + j], within(1e-9));
            }
        }
    }

    @Test
    void padding_terms_are_zero_and_marked_as_padding() {
        ConvolutionSettings same = new ConvolutionSettings(3, Padding.SAME, 1, 1, false, 0, ChannelMode.GREY);
        Walkthrough.Cell corner = explain(F1, same, 0, 0);
        long padded = corner.terms().stream().filter(Walkthrough.Term::padding).count();
        assertThat(padded).isEqualTo(5); // the top row and the left column of the window
        assertThat(corner.terms().stream().filter(Walkthrough.Term::padding).mapToDouble(Walkthrough.Term::product).sum()).isZero();
    }

    @Test
    void the_bias_is_added_once() {
        ConvolutionSettings biased = new ConvolutionSettings(3, Padding.VALID, 1, 1, false, 2.5f, ChannelMode.GREY);
        double without = explain(F1, ConvolutionSettings.defaults(), 2, 3).sum();
        assertThat(explain(F1, biased, 2, 3).sum()).isEqualTo(without + 2.5);
    }
}
