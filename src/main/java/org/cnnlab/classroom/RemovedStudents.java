package org.cnnlab.classroom;

import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.training.ClassQueue;
import org.springframework.stereotype.Component;

/**
 * A student removed by the instructor loses their place in the training queue on every app node,
 * not only the instructor's: each node hears the removal (a class event) and cancels that
 * student's waiting and running jobs in its own queue.
 */
@Component
class RemovedStudents {

    RemovedStudents(ClassEvents events, ClassQueue training) {
        events.subscribe(event -> {
            if (event instanceof ClassEvent.MemberChanged m && m.removed()) training.forget(m.student());
        });
    }
}
