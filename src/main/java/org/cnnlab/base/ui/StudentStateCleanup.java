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

    /**
     * Someone who joined a class (even if it was archived or they were removed since), or unknown
     * because the database is gone (the server is stopping): keep saved work either way.
     */
    private boolean lasting(StudentId student) {
        try {
            return classRoom.lasting(student);
        } catch (RuntimeException e) {
            return true;
        }
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(e -> {
            StudentId student = CurrentStudent.of(e.getSession());
            if (student != null) ended(student);
        });
    }

    /** The browser session of this student ended (idle timeout, server stopping): what each service keeps goes. */
    public void ended(StudentId student) {
        if (lasting(student)) {
            states.forEach(state -> state.release(student));   // a class member keeps saved work for when they come back
        } else {
            states.forEach(state -> state.forget(student));
        }
    }
}
