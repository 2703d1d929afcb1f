package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Java twin of {@code frontend/number-grid.ts}: a small matrix of numbers with a highlighted window. */
@Tag("number-grid")
@JsModule("./number-grid.ts")
public class NumberGrid extends Component {

    @DomEvent("cell-selected")
    public static class CellSelectedEvent extends ComponentEvent<NumberGrid> {
        private final int row;
        private final int col;

        public CellSelectedEvent(NumberGrid source, boolean fromClient,
                                 @EventData("event.detail.row") int row, @EventData("event.detail.col") int col) {
            super(source, fromClient);
            this.row = row;
            this.col = col;
        }

        public int row() {
            return row;
        }

        public int col() {
            return col;
        }
    }

    public NumberGrid(String id, boolean interactive) {
        setId(id);
        getElement().setProperty("interactive", interactive);
    }

    public void show(String caption, int rows, int cols, float[] values, int digits) {
        List<Double> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add((double) v);
        }
        getElement().setProperty("locale", Numbers.of(this).locale().toLanguageTag());
        getElement().setProperty("caption", caption);
        getElement().setProperty("rows", rows);
        getElement().setProperty("cols", cols);
        getElement().setProperty("digits", digits);
        getElement().setPropertyList("values", list);
    }

    public void highlight(Collection<Integer> cells) {
        getElement().setPropertyList("highlight", List.copyOf(cells));
    }

    public void select(int cell) {
        getElement().setProperty("selected", cell);
    }

    public Registration addCellSelectedListener(ComponentEventListener<CellSelectedEvent> listener) {
        return addListener(CellSelectedEvent.class, listener);
    }
}
