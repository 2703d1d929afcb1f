package org.cnnlab.descent.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The fit's MLP drawn the lecture's way: a column of units per layer a^[0] = x, a^[1] … a^[L] = ŷ,
 * and between columns the weights W^[l] (with their shape) and biases b^[l] that connect them.
 */
class MlpDiagram extends Div {
    private static final int MAX_UNITS_DRAWN = 6;

    MlpDiagram() {
        setId("mlp-diagram");
        addClassName("mlp-diagram");
    }

    void show(int width, int depth, String activation) {
        removeAll();
        for (int l = 0; l <= depth + 1; l++) {
            int units = l == 0 || l == depth + 1 ? 1 : width;
            if (l > 0) {
                int in = l == 1 ? 1 : width;
                Div edge = new Div(new Span("W^[" + l + "] (" + units + "×" + in + ")"), new Span("b^[" + l + "] (" + units + ")"),
                        new Span(l <= depth ? "σ = " + activation : getTranslation("descent.diagram.linear")));
                edge.addClassName("mlp-edge");
                add(edge);
            }
            Div column = new Div();
            column.addClassName("mlp-layer");
            String name = l == 0 ? "a^[0] = x" : l == depth + 1 ? "a^[" + l + "] = ŷ" : "a^[" + l + "]";
            column.add(new Span(name));
            for (int u = 0; u < Math.min(units, MAX_UNITS_DRAWN); u++) {
                Div unit = new Div();
                unit.addClassName("mlp-unit");
                column.add(unit);
            }
            if (units > MAX_UNITS_DRAWN) column.add(new Span("… " + units));
            add(column);
        }
    }
}
