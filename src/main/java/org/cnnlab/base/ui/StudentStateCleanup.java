package org.cnnlab.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.List;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.springframework.stereotype.Component;

/** When a session ends, every service that keeps per-student state drops that student's. */
@Component
public class StudentStateCleanup implements VaadinServiceInitListener {
    private final List<StudentState> states;

    public StudentStateCleanup(List<StudentState> states) {
        this.states = states;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            StudentId student = CurrentStudent.of(e.getSession());
            if (student != null) {
                states.forEach(state -> state.forget(student));
            }
        });
    }
}
