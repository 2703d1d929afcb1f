package org.cnnlab.network.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkDesign;
import org.cnnlab.network.NetworkPresets;

/**
 * The architecture builder: the design bar, the layer table, the layer editor and the code, wired together. It
 * holds no service: every edit fires an event saying what the student asked for, and whoever listens answers with
 * {@link #show} and the design as it is then (also after a refusal, so the fields go back to what stands).
 */
class BuilderPanel extends VerticalLayout {

    /** An edit of the layer at {@code index} (0 first): the base of the events that name a layer. */
    public abstract static class LayerEvent extends ComponentEvent<BuilderPanel> {
        private final int index;

        LayerEvent(BuilderPanel source, int index) {
            super(source, false);
            this.index = index;
        }

        public int index() {
            return index;
        }
    }

    /** "Add layer": {@code layer} (its type's defaults) goes in at {@code index}, which the editor opens. */
    public static class InsertLayerEvent extends LayerEvent {
        private final LayerSpec layer;

        InsertLayerEvent(BuilderPanel source, int index, LayerSpec layer) {
            super(source, index);
            this.layer = layer;
        }

        public LayerSpec layer() {
            return layer;
        }
    }

    /** A size changed in the editor: the layer at {@code index} becomes {@code layer} (still to be checked). */
    public static class ReplaceLayerEvent extends LayerEvent {
        private final LayerSpec layer;

        ReplaceLayerEvent(BuilderPanel source, int index, LayerSpec layer) {
            super(source, index);
            this.layer = layer;
        }

        public LayerSpec layer() {
            return layer;
        }
    }

    /** The layer at {@code index} moves up ({@code delta} −1) or down (+1). */
    public static class MoveLayerEvent extends LayerEvent {
        private final int delta;

        MoveLayerEvent(BuilderPanel source, int index, int delta) {
            super(source, index);
            this.delta = delta;
        }

        public int delta() {
            return delta;
        }
    }

    /** The layer at {@code index} goes. */
    public static class RemoveLayerEvent extends LayerEvent {
        RemoveLayerEvent(BuilderPanel source, int index) {
            super(source, index);
        }
    }

    /** The layer at {@code index} was clicked and is open in the editor, which wants the design as it is now. */
    public static class SelectLayerEvent extends LayerEvent {
        SelectLayerEvent(BuilderPanel source, int index) {
            super(source, index);
        }
    }

    /** A preset chosen from the list replaces the design. */
    public static class PresetEvent extends ComponentEvent<BuilderPanel> {
        private final NetworkPresets preset;

        PresetEvent(BuilderPanel source, NetworkPresets preset) {
            super(source, false);
            this.preset = preset;
        }

        public NetworkPresets preset() {
            return preset;
        }
    }

    /** The input's shape as typed (an empty field is 0, which the shape checks refuse with a reason). */
    public static class InputEvent extends ComponentEvent<BuilderPanel> {
        private final int channels;
        private final int height;
        private final int width;

        InputEvent(BuilderPanel source, int channels, int height, int width) {
            super(source, false);
            this.channels = channels;
            this.height = height;
            this.width = width;
        }

        public int channels() {
            return channels;
        }

        public int height() {
            return height;
        }

        public int width() {
            return width;
        }
    }

    /** A design saved under, or loaded from, {@code name}: the base of the two. */
    public abstract static class NameEvent extends ComponentEvent<BuilderPanel> {
        private final String name;

        NameEvent(BuilderPanel source, String name) {
            super(source, false);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** "Save" with the name as typed (blank or too long is refused by whoever stores it). */
    public static class SaveEvent extends NameEvent {
        SaveEvent(BuilderPanel source, String name) {
            super(source, name);
        }
    }

    /** A saved design chosen from the list. */
    public static class LoadEvent extends NameEvent {
        LoadEvent(BuilderPanel source, String name) {
            super(source, name);
        }
    }

    /** "Import" with the JSON as pasted. */
    public static class ImportEvent extends ComponentEvent<BuilderPanel> {
        private final String json;

        ImportEvent(BuilderPanel source, String json) {
            super(source, false);
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    /** "Export": the listener answers with {@link #showJson}. */
    public static class ExportEvent extends ComponentEvent<BuilderPanel> {
        ExportEvent(BuilderPanel source) {
            super(source, false);
        }
    }

    private final DesignBar bar;
    private final LayerTable table;
    private final LayerEditor editor;
    private final CodePanel code;
    private NetworkDesign shown;

    BuilderPanel() {
        setPadding(false);
        bar = new DesignBar(
                preset -> fireEvent(new PresetEvent(this, preset)),
                shape -> fireEvent(new InputEvent(this, shape[0], shape[1], shape[2])),
                name -> fireEvent(new SaveEvent(this, name)),
                name -> fireEvent(new LoadEvent(this, name)),
                this::addLayerOfType);
        editor = new LayerEditor((index, layer) -> fireEvent(new ReplaceLayerEvent(this, index, layer)));
        table = new LayerTable(
                (index, delta) -> fireEvent(new MoveLayerEvent(this, index, delta)),
                index -> fireEvent(new RemoveLayerEvent(this, index)),
                index -> {
                    editor.edit(index);
                    fireEvent(new SelectLayerEvent(this, index));
                });
        code = new CodePanel(() -> fireEvent(new ExportEvent(this)), json -> fireEvent(new ImportEvent(this, json)));
        Paragraph help = new Paragraph(getTranslation("builder.help"));
        help.addClassName("help");
        Div columns = new Div(table, editor);
        columns.addClassName("builder-columns");
        add(help, bar, columns, code);
    }

    /** Adds a layer where {@link LayerSpec#placeFor} says (a pure rule) in the design shown, and opens it in the editor. */
    private void addLayerOfType(String type) {
        int at = LayerSpec.placeFor(shown == null ? List.of() : shown.spec().layers(), editor.selected());
        editor.edit(at);
        fireEvent(new InsertLayerEvent(this, at, LayerSpec.byDefault(type)));
    }

    /** Shows the design as it is now: after an edit, a refusal, or the instructor's push. */
    void show(NetworkDesign design) {
        shown = design;
        bar.show(design);
        table.show(design);
        editor.show(design);
        code.show(design);
    }

    /** The exported design, in the JSON tab. */
    void showJson(String json) {
        code.showJson(json);
    }

    public Registration addInsertLayerListener(ComponentEventListener<InsertLayerEvent> listener) {
        return addListener(InsertLayerEvent.class, listener);
    }

    public Registration addReplaceLayerListener(ComponentEventListener<ReplaceLayerEvent> listener) {
        return addListener(ReplaceLayerEvent.class, listener);
    }

    public Registration addMoveLayerListener(ComponentEventListener<MoveLayerEvent> listener) {
        return addListener(MoveLayerEvent.class, listener);
    }

    public Registration addRemoveLayerListener(ComponentEventListener<RemoveLayerEvent> listener) {
        return addListener(RemoveLayerEvent.class, listener);
    }

    public Registration addSelectLayerListener(ComponentEventListener<SelectLayerEvent> listener) {
        return addListener(SelectLayerEvent.class, listener);
    }

    public Registration addPresetListener(ComponentEventListener<PresetEvent> listener) {
        return addListener(PresetEvent.class, listener);
    }

    public Registration addInputListener(ComponentEventListener<InputEvent> listener) {
        return addListener(InputEvent.class, listener);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addLoadListener(ComponentEventListener<LoadEvent> listener) {
        return addListener(LoadEvent.class, listener);
    }

    public Registration addImportListener(ComponentEventListener<ImportEvent> listener) {
        return addListener(ImportEvent.class, listener);
    }

    public Registration addExportListener(ComponentEventListener<ExportEvent> listener) {
        return addListener(ExportEvent.class, listener);
    }
}
