package org.cnnlab.base.ui;

import com.vaadin.flow.server.VaadinSession;
import org.cnnlab.base.StudentId;

/**
 * The student behind the current browser session: anonymous (a new id per session) until they join
 * a class session, then the class member, found again by the rejoin cookie in a later session.
 */
public final class CurrentStudent {
    private static final String ATTRIBUTE = StudentId.class.getName();

    private CurrentStudent() {
    }

    /** The student of a session, or null if the session never had one (e.g. when it ends). */
    public static StudentId of(VaadinSession session) {
        return (StudentId) session.getAttribute(ATTRIBUTE);
    }

    /** From now on this session is this student (joined a class, or came back by the rejoin cookie). */
    public static void become(VaadinSession session, StudentId student) {
        session.setAttribute(ATTRIBUTE, student);
    }

    public static StudentId id() {
        VaadinSession session = VaadinSession.getCurrent();
        StudentId id = of(session);
        if (id == null) {
            id = StudentId.random();
            session.setAttribute(ATTRIBUTE, id);
        }
        return id;
    }
}
