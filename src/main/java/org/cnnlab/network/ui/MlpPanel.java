package org.cnnlab.network.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.network.LayerReport;
import org.cnnlab.network.MlpComparison;

/**
 * The lecture's MLP quiz as a calculator, next to a conv layer on the same image, and its three drawbacks in numbers.
 * It holds no service: every edit of a size fires a {@link CompareEvent}, and whoever listens answers with {@link #show}.
 */
class MlpPanel extends VerticalLayout {

    /** The sizes to compare: an image, one or two dense layers (a second of 0 is none) and a conv layer on the same image. */
    public static class CompareEvent extends ComponentEvent<MlpPanel> {
        private final int width;
        private final int height;
        private final int channels;
        private final int[] neurons;
        private final int filters;
        private final int kernel;

        CompareEvent(MlpPanel source, int width, int height, int channels, int[] neurons, int filters, int kernel) {
            super(source, false);
            this.width = width;
            this.height = height;
            this.channels = channels;
            this.neurons = neurons;
            this.filters = filters;
            this.kernel = kernel;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        public int channels() {
            return channels;
        }

        /** The dense layers' sizes, first and second. */
        public int[] neurons() {
            return neurons.clone();
        }

        public int filters() {
            return filters;
        }

        public int kernel() {
            return kernel;
        }
    }

    private final IntegerField width = field("mlp-width", "mlp.width", 224);
    private final IntegerField height = field("mlp-height", "mlp.height", 224);
    private final IntegerField channels = field("mlp-channels", "mlp.channels", 3);
    private final IntegerField neurons = field("mlp-neurons", "mlp.neurons", 128);
    private final IntegerField second = field("mlp-second", "mlp.second", 0);
    private final IntegerField filters = field("mlp-filters", "mlp.filters", 128);
    private final IntegerField kernel = field("mlp-kernel", "mlp.kernel", 3);
    private final Paragraph dense = result("mlp-dense");
    private final Paragraph conv = result("mlp-conv");
    private final Paragraph ratio = result("mlp-ratio");
    private final ListItem[] drawbacks = {new ListItem(), new ListItem(), new ListItem()};

    MlpPanel() {
        setPadding(false);
        for (int i = 0; i < drawbacks.length; i++) drawbacks[i].setId("mlp-drawback-" + (i + 1));
        Paragraph question = new Paragraph(getTranslation("mlp.question"));
        HorizontalLayout image = new HorizontalLayout(width, height, channels, neurons, second);
        image.setWrap(true);
        HorizontalLayout conv2d = new HorizontalLayout(filters, kernel);
        add(question, image, dense, new H3(getTranslation("mlp.conv.heading")), conv2d, conv, ratio,
                new H3(getTranslation("mlp.drawbacks")), new OrderedList(drawbacks));
    }

    public Registration addCompareListener(ComponentEventListener<CompareEvent> listener) {
        return addListener(CompareEvent.class, listener);
    }

    /** Asks for the comparison of the sizes as they are now (the view does once, for the first page). */
    void compare() {
        fireEvent(new CompareEvent(this, Fields.valueOr(width, 0), Fields.valueOr(height, 0), Fields.valueOr(channels, 0),
                new int[] {Fields.valueOr(neurons, 0), Fields.valueOr(second, 0)}, Fields.valueOr(filters, 0), Fields.valueOr(kernel, 0)));
    }

    void show(MlpComparison m) {
        if (!m.dense().valid() || !m.conv().valid()) {
            LayerReport bad = (m.dense().valid() ? m.conv() : m.dense()).layers().stream().filter(LayerReport::failed).findFirst().orElseThrow();
            dense.setText(LayerLabels.problem(this, bad));
            conv.setText("");
            ratio.setText("");
            return;
        }
        StringBuilder layers = new StringBuilder();
        int denseLayers = 0;
        for (LayerReport r : m.dense().layers()) {
            String f = CostFormula.of(Numbers.of(this), r);
            if (f != null) {
                layers.append(denseLayers++ == 0 ? "" : "; ").append(f);
            }
        }
        dense.setText(denseLayers == 1 ? getTranslation("mlp.dense.one", layers)
                : getTranslation("mlp.dense.result", layers, Numbers.of(this).integer(m.denseParameters())));
        conv.setText(getTranslation("mlp.conv.result", CostFormula.of(Numbers.of(this), m.conv().layers().getFirst()), m.conv().output().toString()));
        ratio.setText(getTranslation("mlp.ratio", Numbers.of(this).decimal(m.ratio(), 0)));
        long firstDense = m.dense().layers().get(1).trainable();
        drawbacks[0].setText(getTranslation("mlp.drawback.parameters", Numbers.of(this).integer(firstDense),
                Numbers.of(this).size(firstDense * 4.0)));
        drawbacks[1].setText(getTranslation("mlp.drawback.sharing", Numbers.of(this).integer(m.convPositions())));
        drawbacks[2].setText(getTranslation("mlp.drawback.translation", Numbers.of(this).integer(m.convPositions())));
    }

    private IntegerField field(String id, String labelKey, int value) {
        IntegerField f = Fields.integer(id, getTranslation(labelKey), value, "9em");
        f.addValueChangeListener(e -> { if (e.isFromClient()) compare(); });
        return f;
    }

    private static Paragraph result(String id) {
        Paragraph p = new Paragraph();
        p.setId(id);
        return p;
    }

}
