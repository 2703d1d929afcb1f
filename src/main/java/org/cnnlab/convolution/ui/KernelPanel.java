package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.function.SerializableBiConsumer;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.convolution.ChannelMode;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.KernelParser;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.convolution.PlaygroundState;

/** The kernel editor: size k, presets, the k×k grid, and (conv-layer mode) one kernel per channel. */
class KernelPanel extends VerticalLayout {

    private final IntegerField size = new IntegerField();
    private final Select<KernelPreset> preset = new Select<>();
    private final RadioButtonGroup<Integer> channel = new RadioButtonGroup<>();
    private final Checkbox replicate = new Checkbox();
    private final KernelGrid grid = new KernelGrid();
    private final Span error = new Span();

    KernelPanel(int maxSize, SerializableConsumer<Integer> onSize, SerializableBiConsumer<Integer, KernelPreset> onPreset,
                SerializableBiConsumer<Integer, List<String>> onCells, SerializableConsumer<Boolean> onReplicate,
                Runnable onRefresh) {
        setPadding(false);
        setSpacing(false);
        size.setId("kernel-size");
        size.setLabel(getTranslation("kernel.size"));
        size.setMin(1);
        size.setMax(maxSize);
        size.setStepButtonsVisible(true);
        size.setWidth("8em");
        size.addValueChangeListener(e -> {
            if (e.isFromClient()) onSize.accept(e.getValue() == null ? 0 : e.getValue());
        });
        preset.setId("kernel-preset");
        preset.setLabel(getTranslation("kernel.preset"));
        preset.setPlaceholder(getTranslation("kernel.preset.placeholder"));
        preset.setItems(KernelPreset.values());
        preset.setItemLabelGenerator(p -> getTranslation("preset." + p.name().toLowerCase(Locale.ROOT)));
        preset.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) onPreset.accept(selectedChannel(), e.getValue());
        });
        channel.setId("kernel-channel");
        channel.setLabel(getTranslation("kernel.channel"));
        channel.setItems(0, 1, 2);
        channel.setItemLabelGenerator(c -> getTranslation("channel." + c));
        channel.addValueChangeListener(e -> {
            if (e.isFromClient()) onRefresh.run();
        });
        replicate.setId("kernel-replicate");
        replicate.setLabel(getTranslation("kernel.replicate"));
        replicate.addValueChangeListener(e -> {
            if (e.isFromClient()) onReplicate.accept(e.getValue());
        });
        grid.setCellLabel(getTranslation("kernel.cell"));
        grid.addKernelInputListener(e -> onCells.accept(selectedChannel(), e.cells()));
        error.setId("kernel-error");
        error.addClassName("field-error");
        add(new H3(getTranslation("kernel.heading")), new HorizontalLayout(size, preset), replicate, channel, grid, error);
    }

    void show(PlaygroundState state) {
        int k = state.settings().kernelSize();
        size.setValue(k);
        preset.clear();
        boolean layer = state.settings().channelMode() == ChannelMode.CONV_LAYER && state.input().pixels().channels() > 1;
        replicate.setVisible(layer);
        replicate.setValue(state.replicate());
        channel.setVisible(layer && !state.replicate());
        if (channel.getValue() == null) {
            channel.setValue(0);
        }
        Kernel kernel = state.kernel(selectedChannel());
        float[] w = kernel.weights();
        List<String> cells = new ArrayList<>(w.length);
        for (float v : w) {
            cells.add(KernelParser.format(v));
        }
        grid.show(k, cells);
        error.setText("");
    }

    void showCellError(int cell, String message) {
        grid.markInvalid(cell);
        error.setText(message);
    }

    private int selectedChannel() {
        return channel.isVisible() && channel.getValue() != null ? channel.getValue() : 0;
    }
}
