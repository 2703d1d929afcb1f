package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;

/** Hears class events while a component is attached, and applies them in its UI (by push). */
public final class ClassListener {
    private ClassListener() {
    }

    public static void attach(Component owner, ClassEvents events, Consumer<ClassEvent> onEvent) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Runnable stop = events.subscribe(event -> ui.access(() -> onEvent.accept(event)));
            owner.addDetachListener(detach -> {
                stop.run();
                detach.unregisterListener();
            });
        });
    }
}
