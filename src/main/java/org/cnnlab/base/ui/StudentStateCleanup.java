package org.cnnlab.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.List;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.springframework.stereotype.Component;

/** When a session ends, every service that keeps per-student state drops that student's. */
@Component
public class StudentStateCleanup implements VaadinServiceInitListener {
    private final List<StudentState> states;
    private final ClassRoom classRoom;

    public StudentStateCleanup(List<StudentState> states, ClassRoom classRoom) {
        this.states = states;
        this.classRoom = classRoom;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            StudentId student = CurrentStudent.of(e.getSession());
            if (student == null) return;
            if (classRoom.membership(student).isPresent()) {
                states.forEach(state -> state.release(student));   // a class member keeps saved work for when they come back
            } else {
                states.forEach(state -> state.forget(student));
            }
        });
    }
}
