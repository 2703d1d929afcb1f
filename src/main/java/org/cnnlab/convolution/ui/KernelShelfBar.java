package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.List;

/**
 * Save the kernel under a name, and take a saved one back. It holds no service: like the playground's
 * other panels it hands "save as" and "take back" to its view, and shows the names it is given.
 */
class KernelShelfBar extends HorizontalLayout {
    private final Select<String> saved = new Select<>();

    /** @param onSave the name to save the current kernel as; @param onLoad a saved kernel's name to take back */
    KernelShelfBar(List<String> names, SerializableConsumer<String> onSave, SerializableConsumer<String> onLoad) {
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        TextField name = new TextField(getTranslation("kernel.save.label"));
        name.setId("kernel-save-name");
        name.setMaxLength(40);
        Button save = new Button(getTranslation("kernel.save"), e -> onSave.accept(name.getValue()));
        save.setId("kernel-save");
        saved.setLabel(getTranslation("kernel.saved"));
        saved.setId("kernel-saved");
        saved.setItems(names);
        saved.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) onLoad.accept(e.getValue());
        });
        add(name, save, saved);
    }

    /** The student's saved kernels' names (after a save). */
    void names(List<String> names) {
        saved.setItems(names);
    }
}
