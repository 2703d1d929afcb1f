package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutputSizeTest {

    @Test
    void valid_3x3_convolution_shrinks_each_side_by_two() {
        assertThat(OutputSize.of(7, 3, Padding.VALID, 1, 1).size()).isEqualTo(5);
        assertThat(OutputSize.of(9, 3, Padding.VALID, 1, 1).size()).isEqualTo(7);
    }

    @Test
    void same_padding_keeps_the_size_at_stride_one_even_for_even_kernels() {
        for (int k = 1; k <= 15; k++) {
            OutputSize size = OutputSize.of(20, k, Padding.SAME, 1, 1);
            assertThat(size.size()).as("k=%d", k).isEqualTo(20);
            assertThat(size.padBefore() + size.padAfter()).isEqualTo(k - 1);
            assertThat(size.padAfter() - size.padBefore()).isBetween(0, 1);
        }
    }

    @ParameterizedTest(name = "n={0} k={1} p={2} s={3} d={4} -> {5}")
    @CsvSource({
            // n, k, p, s, d, expected: the formula floor((n + 2p - d(k-1) - 1)/s) + 1 worked by hand
            "7, 3, 0, 1, 1, 5",
            "7, 3, 1, 1, 1, 7",
            "7, 3, 0, 2, 1, 3",
            "8, 3, 0, 2, 1, 3",
            "9, 3, 0, 1, 2, 5",
            "9, 3, 2, 1, 2, 9",
            "10, 4, 0, 1, 1, 7",
            "10, 4, 1, 3, 1, 3",
            "5, 5, 0, 1, 1, 1",
            "224, 7, 3, 2, 1, 112",
            "3, 3, 0, 1, 2, 0",
    })
    void explicit_padding_stride_and_dilation_follow_the_formula(int n, int k, int p, int s, int d, int expected) {
        assertThat(OutputSize.of(n, k, Padding.explicit(p), s, d).size()).isEqualTo(expected);
    }

    @Test
    void same_padding_with_stride_gives_the_ceiling_of_n_over_s() {
        assertThat(OutputSize.of(7, 3, Padding.SAME, 2, 1).size()).isEqualTo(4);
        assertThat(OutputSize.of(8, 3, Padding.SAME, 2, 1).size()).isEqualTo(4);
        assertThat(OutputSize.of(9, 3, Padding.SAME, 3, 1).size()).isEqualTo(3);
    }

    @Test
    void the_worked_formula_shows_the_numbers() {
        assertThat(OutputSize.of(7, 3, Padding.VALID, 1, 1).worked()).isEqualTo("⌊(7 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 5");
        assertThat(OutputSize.of(6, 4, Padding.SAME, 1, 1).worked()).startsWith("⌊(6 + 1 + 2 − ");
    }
}
