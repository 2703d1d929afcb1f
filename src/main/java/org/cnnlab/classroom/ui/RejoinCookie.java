package org.cnnlab.classroom.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.classroom.ClassroomService;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The cookie that brings a class member back to the same identity and work after a refresh, a
 * dropped connection or an expired session. It holds a random secret (the database keeps only its
 * hash), is HttpOnly, and lives as long as a course term.
 */
@Component
public class RejoinCookie implements VaadinServiceInitListener {
    static final String NAME = "cnnlab-rejoin";
    private static final Duration LIFETIME = Duration.ofDays(120);
    private final ClassroomService classroom;

    public RejoinCookie(ClassroomService classroom) {
        this.classroom = classroom;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> {
            String token = read(e.getRequest());
            if (token != null) classroom.rejoin(token).ifPresent(student -> CurrentStudent.become(e.getSession(), student));
        });
        // A removed student's open session stops being them: every page opened from now on (their
        // pages reload when they are removed) belongs to a new anonymous student, and the dead cookie goes.
        event.getSource().addUIInitListener(e -> {
            VaadinSession session = e.getUI().getSession();
            StudentId student = CurrentStudent.of(session);
            boolean removed;
            try {
                removed = student != null && classroom.removed(student);
            } catch (DataAccessException away) {
                return;   // the database is away: the next page asks again
            }
            if (removed) {
                CurrentStudent.become(session, StudentId.random());
                forget();
            }
        });
    }

    /** Expires the cookie in the browser (it no longer works anyway). */
    private static void forget() {
        VaadinResponse response = VaadinService.getCurrentResponse();
        VaadinRequest request = VaadinService.getCurrentRequest();
        if (response == null) return;
        Cookie cookie = new Cookie(NAME, "");
        cookie.setHttpOnly(true);
        cookie.setPath(request == null || request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(0);
        cookie.setSecure(request != null && request.isSecure());
        response.addCookie(cookie);
    }

    private static String read(VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) if (NAME.equals(c.getName())) return c.getValue();
        return null;
    }

    /** Sets the cookie on the current response (a join is a request of the student's own browser). */
    static void give(String token) {
        VaadinResponse response = VaadinService.getCurrentResponse();
        VaadinRequest request = VaadinService.getCurrentRequest();
        Cookie cookie = new Cookie(NAME, token);
        cookie.setHttpOnly(true);
        cookie.setPath(request == null || request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setSecure(request != null && request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
