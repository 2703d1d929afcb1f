package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KernelParserTest {

    private static List<String> withCell(int index, String text) {
        List<String> cells = new ArrayList<>(List.of("0", "0", "0", "0", "1", "0", "0", "0", "0"));
        cells.set(index, text);
        return cells;
    }

    @Test
    void reads_decimal_points_decimal_commas_signs_exponents_and_fractions() {
        Kernel k = KernelParser.parse(List.of("1.5", "1,5", "-2", "+3", "1e-3", "1/16", "−1", " 7 ", ".25"), 3, 1e6);
        assertThat(k.weights()).containsExactly(1.5f, 1.5f, -2f, 3f, 0.001f, 0.0625f, -1f, 7f, 0.25f);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "Infinity", "-Infinity", "inf", "∞", "1e400", "1/0"})
    void refuses_values_that_are_not_finite_and_names_the_cell(String text) {
        assertThatThrownBy(() -> KernelParser.parse(withCell(5, text), 3, 1e6))
                .isInstanceOfSatisfying(KernelParser.CellException.class, e -> {
                    assertThat(e.index()).isEqualTo(5);
                    assertThat(e.messageKey()).isEqualTo("kernel.error.cellNotFinite");
                    assertThat(e.args()).containsExactly(2, 3);
                });
    }

    @Test
    void refuses_absurd_magnitudes() {
        assertThatThrownBy(() -> KernelParser.parse(withCell(0, "2e6"), 3, 1e6))
                .isInstanceOfSatisfying(KernelParser.CellException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("kernel.error.cellTooLarge"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1..2", "-", "1,2,3", "0x10", "1e"})
    void refuses_text_that_is_not_a_number(String text) {
        assertThatThrownBy(() -> KernelParser.parse(withCell(8, text), 3, 1e6))
                .isInstanceOfSatisfying(KernelParser.CellException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("kernel.error.cellNotNumber"));
    }

    @Test
    void an_empty_cell_is_reported_not_read_as_zero() {
        assertThatThrownBy(() -> KernelParser.parse(withCell(3, "  "), 3, 1e6))
                .isInstanceOfSatisfying(KernelParser.CellException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("kernel.error.cellEmpty"));
    }

    @Test
    void formats_values_in_their_shortest_form() {
        assertThat(KernelParser.format(-2f)).isEqualTo("-2");
        assertThat(KernelParser.format(0.0625f)).isEqualTo("0.0625");
        assertThat(KernelParser.format(1f / 9)).isEqualTo("0.111111");
        assertThat(KernelParser.parse(List.of(KernelParser.format(1f / 9)), 1, 1e6).weights()[0]).isEqualTo(0.111111f);
    }
}
