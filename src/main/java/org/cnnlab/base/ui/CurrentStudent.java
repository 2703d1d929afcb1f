package org.cnnlab.base.ui;

import com.vaadin.flow.server.VaadinSession;
import org.cnnlab.base.StudentId;

/**
 * The student behind the current browser session. Anonymous for now (one id per session); the
 * class-server lesson replaces this with logins and join codes.
 */
public final class CurrentStudent {
    private static final String ATTRIBUTE = StudentId.class.getName();

    private CurrentStudent() {
    }

    /** The student of a session, or null if the session never had one (e.g. when it ends). */
    public static StudentId of(VaadinSession session) {
        return (StudentId) session.getAttribute(ATTRIBUTE);
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
