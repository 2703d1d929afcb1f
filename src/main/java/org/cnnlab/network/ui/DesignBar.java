package org.cnnlab.network.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.Locale;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkDesign;
import org.cnnlab.network.NetworkPresets;
import org.cnnlab.network.TensorShape;

/** The input shape, the presets and saved designs, and the "add a layer" control. */
class DesignBar extends HorizontalLayout {

    private final IntegerField channels = number("input-channels", "builder.input.channels");
    private final IntegerField height = number("input-height", "builder.input.height");
    private final IntegerField width = number("input-width", "builder.input.width");
    private final Select<String> saved = new Select<>();
    private final SerializableConsumer<int[]> onInput;

    DesignBar(SerializableConsumer<NetworkPresets> onPreset, SerializableConsumer<int[]> onInput,
              SerializableConsumer<String> onSave, SerializableConsumer<String> onLoad, SerializableConsumer<String> onAdd) {
        this.onInput = onInput;
        setWrap(true);
        setAlignItems(Alignment.BASELINE);
        Select<NetworkPresets> presets = new Select<>();
        presets.setId("network-preset");
        presets.setLabel(getTranslation("builder.preset"));
        presets.setPlaceholder(getTranslation("builder.preset.placeholder"));
        presets.setItems(NetworkPresets.values());
        presets.setItemLabelGenerator(p -> getTranslation("netpreset." + p.name().toLowerCase(Locale.ROOT)));
        presets.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) onPreset.accept(e.getValue());
            presets.clear();
        });
        saved.setId("saved-designs");
        saved.setLabel(getTranslation("builder.saved"));
        saved.setPlaceholder(getTranslation("builder.saved.placeholder"));
        saved.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) onLoad.accept(e.getValue());
        });
        TextField name = new TextField(getTranslation("builder.save.name"));
        name.setId("save-name");
        name.setMaxLength(40);
        Button save = new Button(getTranslation("builder.save"), e -> onSave.accept(name.getValue()));
        save.setId("save-design");
        Select<String> type = new Select<>();
        type.setId("add-layer-type");
        type.setLabel(getTranslation("builder.add.type"));
        type.setItems(LayerSpec.TYPES);
        type.setItemLabelGenerator(t -> getTranslation("layer." + t));
        type.setValue("conv2d");
        Button add = new Button(getTranslation("builder.add"), e -> onAdd.accept(type.getValue()));
        add.setId("add-layer");
        add(channels, height, width, presets, saved, name, save, type, add);
    }

    void show(NetworkDesign design) {
        TensorShape in = design.spec().input();
        channels.setValue(in.channels());
        height.setValue(in.height());
        width.setValue(in.width());
        saved.setItems(design.saved());
    }

    private IntegerField number(String id, String labelKey) {
        IntegerField field = Fields.integer(id, getTranslation(labelKey), null, "7em");
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) onInput.accept(new int[] {Fields.valueOr(channels, 0), Fields.valueOr(height, 0), Fields.valueOr(width, 0)});
        });
        return field;
    }
}
