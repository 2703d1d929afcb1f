package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import java.util.function.Consumer;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.StudentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hears class events while a component is attached, and applies them in its UI (by push). */
public final class ClassListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClassListener.class);
    private ClassListener() {
    }

    /**
     * Something of one kind the instructor pushed to this student (already in their state): the page
     * applies it and says so ({@code messageKey} with the pushed thing's label).
     */
    public static void pushed(Component owner, ClassEvents events, StudentId student, ClassEvent.Pushed.What what,
                              Consumer<ClassEvent.Pushed> apply, String messageKey) {
        attach(owner, events, event -> {
            if (event instanceof ClassEvent.Pushed p && p.what() == what && p.students().contains(student)) {
                apply.accept(p);
                Notification.show(owner.getTranslation(messageKey, p.label()), 4000,
                        Notification.Position.BOTTOM_START);
            }
        });
    }

    public static void attach(Component owner, ClassEvents events, Consumer<ClassEvent> onEvent) {
        owner.addAttachListener(attach -> {
            UI ui = attach.getUI();
            String where = owner.getClass().getSimpleName() + " of UI " + ui.getUIId();
            Runnable stop = events.subscribe(event -> {
                LOG.debug("{} hears {}", where, event);
                ui.access(() -> {
                    LOG.debug("{} applies {}", where, event);
                    onEvent.accept(event);
                });
            });
            owner.addDetachListener(detach -> {
                stop.run();
                detach.unregisterListener();
            });
        });
    }
}
