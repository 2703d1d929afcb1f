package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.Locale;
import java.util.Objects;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.convolution.ChannelMode;
import org.cnnlab.convolution.ConvolutionSettings;
import org.cnnlab.convolution.Padding;
import org.cnnlab.convolution.PlaygroundState;
import org.cnnlab.imaging.Colormap;

/** Padding, stride, dilation, flip, bias, colour handling and colour map. */
class SettingsPanel extends VerticalLayout {

    private final RadioButtonGroup<Padding.Mode> padding = new RadioButtonGroup<>();
    private final IntegerField amount = integer("padding-amount", "settings.padding.p");
    private final IntegerField stride = integer("stride", "settings.stride");
    private final IntegerField dilation = integer("dilation", "settings.dilation");
    private final NumberField bias = new NumberField();
    private final Checkbox flip = new Checkbox();
    private final RadioButtonGroup<ChannelMode> channels = new RadioButtonGroup<>();
    private final RadioButtonGroup<Colormap> colormap = new RadioButtonGroup<>();
    private int kernelSize = 3;

    SettingsPanel(SerializableConsumer<ConvolutionSettings> onSettings, SerializableConsumer<Colormap> onColormap) {
        setPadding(false);
        setSpacing(false);
        padding.setId("padding-mode");
        padding.setLabel(getTranslation("settings.padding"));
        padding.setItems(Padding.Mode.values());
        padding.setItemLabelGenerator(m -> getTranslation("padding." + m.name().toLowerCase(Locale.ROOT)));
        bias.setId("bias");
        bias.setLabel(getTranslation("settings.bias"));
        bias.setWidth("8em");
        flip.setId("flip");
        flip.setLabel(getTranslation("settings.flip"));
        channels.setId("channel-mode");
        channels.setLabel(getTranslation("settings.channels"));
        channels.setItems(ChannelMode.values());
        channels.setItemLabelGenerator(m -> getTranslation("channels." + m.name().toLowerCase(Locale.ROOT)));
        colormap.setId("colormap");
        colormap.setLabel(getTranslation("settings.colormap"));
        colormap.setItems(Colormap.DIVERGING, Colormap.GREY_MAGNITUDE);
        colormap.setItemLabelGenerator(c -> getTranslation("colormap." + c.name().toLowerCase(Locale.ROOT)));
        colormap.addValueChangeListener(e -> {
            if (e.isFromClient()) onColormap.accept(e.getValue());
        });
        Runnable changed = () -> onSettings.accept(read());
        padding.addValueChangeListener(e -> { if (e.isFromClient()) changed.run(); });
        amount.addValueChangeListener(e -> { if (e.isFromClient()) changed.run(); });
        stride.addValueChangeListener(e -> { if (e.isFromClient()) changed.run(); });
        dilation.addValueChangeListener(e -> { if (e.isFromClient()) changed.run(); });
        bias.addValueChangeListener(e -> { if (e.isFromClient()) changed.run(); });
        flip.addValueChangeListener(e -> { if (e.isFromClient()) changed.run(); });
        channels.addValueChangeListener(e -> { if (e.isFromClient()) changed.run(); });
        Paragraph flipNote = new Paragraph(getTranslation("settings.flip.note"));
        flipNote.addClassName("help");
        HorizontalLayout numbers = new HorizontalLayout(amount, stride, dilation, bias);
        numbers.setWrap(true);
        add(new H3(getTranslation("settings.heading")), padding, numbers,
                flip, flipNote, channels, colormap);
    }

    /** Sets only what changed: re-setting a radio group's value or enabled state re-renders all its items. */
    void show(PlaygroundState state) {
        ConvolutionSettings s = state.settings();
        kernelSize = s.kernelSize();
        update(padding, s.padding().mode());
        update(amount, s.padding().amount());
        amount.setEnabled(s.padding().mode() == Padding.Mode.EXPLICIT);
        update(stride, s.stride());
        update(dilation, s.dilation());
        update(bias, (double) s.bias());
        update(flip, s.flip());
        update(channels, s.channelMode());
        boolean colour = state.input().pixels().channels() > 1;
        if (channels.isEnabled() != colour) {
            channels.setEnabled(colour);
        }
        update(colormap, state.colormap());
    }

    private static <V> void update(HasValue<?, V> field, V value) {
        if (!Objects.equals(field.getValue(), value)) {
            field.setValue(value);
        }
    }

    private ConvolutionSettings read() {
        Padding.Mode mode = padding.getValue() == null ? Padding.Mode.VALID : padding.getValue();
        Padding pad = mode == Padding.Mode.EXPLICIT ? Padding.explicit(Fields.valueOr(amount, -1)) : new Padding(mode, 0);
        double b = Fields.valueOr(bias, 0);
        return new ConvolutionSettings(kernelSize, pad, Fields.valueOr(stride, 0), Fields.valueOr(dilation, 0),
                flip.getValue(), (float) b, channels.getValue() == null ? ChannelMode.GREY : channels.getValue());
    }


    private IntegerField integer(String id, String labelKey) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId(id);
        field.setStepButtonsVisible(true);
        field.setWidth("7em");
        return field;
    }
}
