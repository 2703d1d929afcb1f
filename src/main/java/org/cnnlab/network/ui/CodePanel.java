package org.cnnlab.network.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.function.SerializableRunnable;
import org.cnnlab.network.NetworkDesign;

/** The design as PyTorch and DJL code to copy, and as JSON to export or import. */
class CodePanel extends VerticalLayout {

    private final TextArea pytorch = code("code-pytorch");
    private final TextArea djl = code("code-djl");
    private final TextArea json = new TextArea();

    CodePanel(SerializableRunnable onExport, SerializableConsumer<String> onImport) {
        setPadding(false);
        json.setId("design-json");
        json.setWidthFull();
        json.setMaxHeight("18em");
        json.setPlaceholder(getTranslation("builder.json.placeholder"));
        Button export = new Button(getTranslation("builder.json.export"), e -> onExport.run());
        export.setId("export-json");
        Button importing = new Button(getTranslation("builder.json.import"), e -> onImport.accept(json.getValue()));
        importing.setId("import-json");
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("PyTorch", new VerticalLayout(pytorch, copy(pytorch, "copy-pytorch")));
        tabs.add("DJL (Java)", new VerticalLayout(djl, copy(djl, "copy-djl")));
        tabs.add("JSON", new VerticalLayout(json, new HorizontalLayout(export, importing)));
        add(new H3(getTranslation("builder.code")), tabs);
    }

    void show(NetworkDesign design) {
        pytorch.setValue(design.pytorch().isEmpty() ? getTranslation("builder.code.invalid") : design.pytorch());
        djl.setValue(design.djl());
    }

    /** The design as exported JSON, answering "export". */
    void showJson(String text) {
        json.setValue(text);
    }

    private Button copy(TextArea source, String id) {
        Button copy = new Button(getTranslation("builder.copy"), e -> {
            source.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", source.getValue());
            Notification.show(getTranslation("builder.copied"), 2000, Notification.Position.BOTTOM_END);
        });
        copy.setId(id);
        return copy;
    }

    private static TextArea code(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setReadOnly(true);
        area.setWidthFull();
        area.addClassName("code");
        return area;
    }
}
