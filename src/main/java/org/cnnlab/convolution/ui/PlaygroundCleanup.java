package org.cnnlab.convolution.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.convolution.PlaygroundService;
import org.springframework.stereotype.Component;

/** Drops a student's playground when their session ends, so memory follows the class, not its history. */
@Component
public class PlaygroundCleanup implements VaadinServiceInitListener {
    private final PlaygroundService playground;

    public PlaygroundCleanup(PlaygroundService playground) {
        this.playground = playground;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            StudentId student = CurrentStudent.of(e.getSession());
            if (student != null) {
                playground.forget(student);
            }
        });
    }
}
