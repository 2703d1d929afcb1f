package org.cnnlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.dom.Element;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A confusion matrix names its classes on both axes, colours each count by its share of the row, and marks the diagonal. */
class ConfusionMatrixTest {

    private static final int[][] COUNTS = {{8, 2, 0}, {1, 1, 0}, {0, 0, 5}};

    private static List<Element> all(Element root, String tag) {
        List<Element> found = new ArrayList<>();
        root.getChildren().forEach(c -> {
            if (c.isTextNode()) return;
            if (c.getTag().equals(tag)) found.add(c);
            found.addAll(all(c, tag));
        });
        return found;
    }

    private static ConfusionMatrix shown() {
        ConfusionMatrix m = new ConfusionMatrix("m");
        m.show("caption", List.of("círculo", "cuadrado", "triángulo"), COUNTS);
        return m;
    }

    @Test
    void every_class_name_labels_a_row_and_a_column() {
        List<Element> headers = all(shown().getElement(), "th");
        List<String> rows = headers.stream().filter(h -> "row".equals(h.getAttribute("scope"))).map(Element::getText).toList();
        List<String> cols = headers.stream().filter(h -> "col".equals(h.getAttribute("scope"))).map(Element::getText).toList();
        assertThat(rows).containsExactly("círculo", "cuadrado", "triángulo");
        assertThat(cols).containsExactly("círculo", "cuadrado", "triángulo");
        assertThat(headers).filteredOn(h -> "rowgroup".equals(h.getAttribute("scope"))).hasSize(1);
        assertThat(headers).filteredOn(h -> "colgroup".equals(h.getAttribute("scope"))).hasSize(1);
    }

    @Test
    void counts_are_coloured_by_their_share_of_the_row_and_the_diagonal_is_marked() {
        List<Element> cells = all(shown().getElement(), "td");
        assertThat(cells).hasSize(9);
        assertThat(cells).extracting(Element::getText).containsExactly("8", "2", "0", "1", "1", "0", "0", "0", "5");
        // row 1 has 2 images: its 1 right answer is as dark as half of row 0's 10, not a tenth of the largest count
        assertThat(cells.get(4).getAttribute("data-share")).isEqualTo("0.5000");
        assertThat(cells.get(4).getStyle().get("background-color")).isEqualTo(ConfusionMatrix.colour(0.5));
        assertThat(cells.get(8).getStyle().get("background-color")).isEqualTo(ConfusionMatrix.colour(1));
        assertThat(cells.get(2).getStyle().get("background-color")).isEqualTo(ConfusionMatrix.colour(0));
        assertThat(ConfusionMatrix.colour(0)).isNotEqualTo(ConfusionMatrix.colour(1));
        assertThat(cells).filteredOn(c -> "diagonal".equals(c.getAttribute("class"))).extracting(Element::getText).containsExactly("8", "1", "5");
    }

    @Test
    void a_matrix_without_a_name_for_each_class_is_refused() {
        assertThatThrownBy(() -> new ConfusionMatrix("m").show("c", List.of("a", "b"), COUNTS)).isInstanceOf(IllegalArgumentException.class);
    }
}
