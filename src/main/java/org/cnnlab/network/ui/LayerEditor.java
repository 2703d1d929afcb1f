package org.cnnlab.network.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.function.SerializableBiConsumer;
import java.util.List;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkDesign;

/** The selected layer's sizes as fields; every change is sent at once and checked by the service. */
class LayerEditor extends HorizontalLayout {

    private final SerializableBiConsumer<Integer, LayerSpec> onChange;
    private final H3 title = new H3();
    private final IntegerField filters = field("edit-filters", "builder.edit.filters");
    private final IntegerField kernel = field("edit-kernel", "builder.edit.kernel");
    private final IntegerField stride = field("edit-stride", "builder.edit.stride");
    private final IntegerField padding = field("edit-padding", "builder.edit.padding");
    private final IntegerField dilation = field("edit-dilation", "builder.edit.dilation");
    private final IntegerField units = field("edit-units", "builder.edit.units");
    private final NumberField rate = new NumberField(getTranslation("builder.edit.rate"));
    private final Paragraph none = new Paragraph(getTranslation("builder.edit.none"));
    private int selected = -1;
    private LayerSpec layer;

    LayerEditor(SerializableBiConsumer<Integer, LayerSpec> onChange) {
        this.onChange = onChange;
        setId("layer-editor");
        setWrap(true);
        setAlignItems(Alignment.BASELINE);
        title.setWidthFull();
        rate.setId("edit-rate");
        rate.setStep(0.1);
        rate.addValueChangeListener(e -> { if (e.isFromClient()) send(); });
        none.addClassName("help");
        add(title, none, filters, kernel, stride, padding, dilation, units, rate);
        show(null);
    }

    /** Selects a layer by its position; the next {@link #show} fills the fields. */
    void edit(int index) {
        selected = index;
    }

    /** The layer open in the editor (0 first), or −1. */
    int selected() {
        return selected;
    }

    void show(NetworkDesign design) {
        List<LayerSpec> layers = design == null ? List.of() : design.spec().layers();
        layer = selected >= 0 && selected < layers.size() ? layers.get(selected) : null;
        title.setText(layer == null ? getTranslation("builder.edit.title") : (selected + 1) + ". " + LayerLabels.describe(this, layer));
        none.setVisible(layer == null || !(layer instanceof LayerSpec.Conv2d || layer instanceof LayerSpec.MaxPool
                || layer instanceof LayerSpec.AvgPool || layer instanceof LayerSpec.Dense || layer instanceof LayerSpec.Dropout));
        for (IntegerField f : List.of(filters, kernel, stride, padding, dilation, units)) f.setVisible(false);
        rate.setVisible(false);
        switch (layer) {
            case LayerSpec.Conv2d c -> {
                set(filters, c.filters());
                set(kernel, c.kernel());
                set(stride, c.stride());
                set(padding, c.padding());
                set(dilation, c.dilation());
            }
            case LayerSpec.MaxPool p -> { set(kernel, p.kernel()); set(stride, p.stride()); }
            case LayerSpec.AvgPool p -> { set(kernel, p.kernel()); set(stride, p.stride()); }
            case LayerSpec.Dense d -> set(units, d.units());
            case LayerSpec.Dropout d -> { rate.setValue(d.rate()); rate.setVisible(true); }
            case null, default -> { }
        }
    }

    private void send() {
        if (layer == null) return;
        LayerSpec next = switch (layer) {
            case LayerSpec.Conv2d c -> new LayerSpec.Conv2d(v(filters), v(kernel), v(stride), Fields.valueOr(padding, -1), v(dilation));
            case LayerSpec.MaxPool p -> new LayerSpec.MaxPool(v(kernel), v(stride));
            case LayerSpec.AvgPool p -> new LayerSpec.AvgPool(v(kernel), v(stride));
            case LayerSpec.Dense d -> new LayerSpec.Dense(v(units));
            case LayerSpec.Dropout d -> new LayerSpec.Dropout(Fields.valueOr(rate, -1));
            default -> layer;
        };
        onChange.accept(selected, next);
    }

    private static void set(IntegerField field, int value) {
        field.setValue(value);
        field.setVisible(true);
    }

    /** An empty field is 0 (−1 for padding), which the shape checks refuse with a reason on the layer. */
    private static int v(IntegerField field) {
        return Fields.valueOr(field, 0);
    }

    private IntegerField field(String id, String labelKey) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setStepButtonsVisible(true);
        field.addValueChangeListener(e -> { if (e.isFromClient()) send(); });
        return field;
    }
}
