package org.cnnlab.network.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.function.Supplier;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkDesign;
import org.cnnlab.network.NetworkDesignService;

/** The architecture builder: every edit goes to {@link NetworkDesignService}; this class wires the parts. */
class BuilderPanel extends VerticalLayout {

    private final NetworkDesignService designs;
    private final StudentId student;
    private final DesignBar bar;
    private final LayerTable table;
    private final LayerEditor editor;
    private final CodePanel code;

    BuilderPanel(NetworkDesignService designs, StudentId student) {
        this.designs = designs;
        this.student = student;
        setPadding(false);
        bar = new DesignBar(
                preset -> run(() -> designs.usePreset(student, preset)),
                shape -> run(() -> designs.changeInput(student, shape[0], shape[1], shape[2])),
                name -> run(() -> designs.save(student, name)),
                name -> run(() -> designs.loadSaved(student, name)),
                this::addLayerOfType);
        editor = new LayerEditor((index, layer) -> run(() -> designs.replaceLayer(student, index, layer)));
        table = new LayerTable(
                (index, delta) -> run(() -> designs.moveLayer(student, index, delta)),
                index -> run(() -> designs.removeLayer(student, index)),
                index -> {
                    editor.edit(index);
                    run(() -> designs.current(student));
                });
        code = new CodePanel(() -> designs.exportJson(student), json -> run(() -> designs.importJson(student, json)));
        Paragraph help = new Paragraph(getTranslation("builder.help"));
        help.addClassName("help");
        Div columns = new Div(table, editor);
        columns.addClassName("builder-columns");
        add(help, bar, columns, code);
        run(() -> designs.current(student));
    }

    /** Adds a layer where {@link NetworkDesignService#placeFor} says, and opens it in the editor. */
    private void addLayerOfType(String type) {
        int at = NetworkDesignService.placeFor(designs.current(student).spec().layers(), editor.selected());
        editor.edit(at);
        run(() -> designs.insertLayer(student, at, LayerSpec.byDefault(type)));
    }

    /** Shows the design as the service has it now (e.g. after the instructor pushed one). */
    void refresh() {
        run(() -> designs.current(student));
    }

    private void run(Supplier<NetworkDesign> action) {
        try {
            show(action.get());
        } catch (InvalidInputException e) {
            Messages.error(this, e);
            show(designs.current(student));
        }
    }

    private void show(NetworkDesign design) {
        bar.show(design);
        table.show(design);
        editor.show(design);
        code.show(design);
    }
}
