package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.convolution.KernelShelf;
import org.cnnlab.convolution.Playground;

/** Save the kernel under a name, and take a saved one back. */
class KernelShelfBar extends HorizontalLayout {
    private final Select<String> saved = new Select<>();

    KernelShelfBar(KernelShelf shelf, StudentId student, Consumer<Playground> show) {
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
        TextField name = new TextField(getTranslation("kernel.save.label"));
        name.setId("kernel-save-name");
        name.setMaxLength(40);
        Button save = new Button(getTranslation("kernel.save"), e -> Messages.attempt(this, () -> saved.setItems(shelf.save(student, name.getValue()))));
        save.setId("kernel-save");
        saved.setLabel(getTranslation("kernel.saved"));
        saved.setId("kernel-saved");
        saved.setItems(shelf.names(student));
        saved.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) Messages.attempt(this, () -> show.accept(shelf.load(student, e.getValue())));
        });
        add(name, save, saved);
    }
}
