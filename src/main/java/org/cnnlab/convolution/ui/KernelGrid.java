package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.List;

/** Java twin of {@code frontend/kernel-grid.ts}: the editable k×k kernel. */
@Tag("kernel-grid")
@JsModule("./kernel-grid.ts")
public class KernelGrid extends Component {

    /** Fired (debounced) as the student types; cells are the raw texts, row by row. */
    @DomEvent("kernel-input")
    public static class KernelInputEvent extends ComponentEvent<KernelGrid> {
        private final List<String> cells;
        private final int seq;

        public KernelInputEvent(KernelGrid source, boolean fromClient,
                                @EventData("event.detail.values.join('\\n')") String joined, @EventData("event.detail.seq") int seq) {
            super(source, fromClient);
            this.cells = Arrays.asList(joined.split("\n", -1));
            this.seq = seq;
        }

        public List<String> cells() {
            return cells;
        }
    }

    public KernelGrid() {
        setId("kernel-grid");
        // the answer to this edit says it is the latest the server has seen (see kernel-grid.ts)
        addListener(KernelInputEvent.class, e -> getElement().setProperty("acknowledged", e.seq));
    }

    public void show(int size, List<String> values) {
        getElement().setProperty("size", size);
        getElement().setPropertyList("values", values);
        markInvalid(-1);
    }

    public void markInvalid(int cell) {
        getElement().setProperty("invalidCell", cell);
    }

    public void setCellLabel(String pattern) {
        getElement().setProperty("cellLabel", pattern);
    }

    public Registration addKernelInputListener(ComponentEventListener<KernelInputEvent> listener) {
        return addListener(KernelInputEvent.class, listener);
    }
}
