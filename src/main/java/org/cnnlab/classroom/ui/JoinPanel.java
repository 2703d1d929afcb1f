package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.classroom.ClassSessions;
import org.cnnlab.classroom.QrCodes;

/** The session's join code, link and QR code to project, and what admits students: open/close, renew, approval. */
class JoinPanel extends Div {
    private final ClassSessions sessions;
    private final Consumer<ClassSession> changed;
    private final String base;
    private ClassSession session;

    JoinPanel(ClassSessions sessions, Consumer<ClassSession> changed) {
        this.sessions = sessions;
        this.changed = changed;
        addClassName("dashboard-panel");
        setId("join-panel");
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String url = request == null ? "" : request.getHttpServletRequest().getRequestURL().toString();
        String path = request == null ? "" : request.getHttpServletRequest().getRequestURI();
        base = url.endsWith(path) ? url.substring(0, url.length() - path.length()) + request.getContextPath() : url;
    }

    void show(ClassSession s) {
        session = s;
        removeAll();
        String link = base + "/unirse?codigo=" + s.joinCode();
        Span code = new Span(s.joinCode());
        code.addClassName("join-code");
        code.setId("join-code-shown");
        Image qr = new Image(ImageUrls.png(QrCodes.png(link)), getTranslation("class.join.qr"));
        qr.addClassName("join-qr");
        Paragraph state = new Paragraph(getTranslation(s.archived() ? "class.session.archived" : s.codeOpen() ? "class.code.open" : "class.code.closed"));
        Button toggle = new Button(getTranslation(s.codeOpen() ? "class.code.close" : "class.code.reopen"), e -> act(() -> sessions.openCode(s.id(), !s.codeOpen())));
        toggle.setId("join-code-toggle");
        Button renew = new Button(getTranslation("class.code.renew"), e -> act(() -> sessions.renewCode(s.id())));
        renew.setId("join-code-renew");
        Checkbox approve = new Checkbox(getTranslation("class.session.approveEach"), s.approveEach());
        approve.addValueChangeListener(e -> act(() -> sessions.approveEach(s.id(), e.getValue())));
        Checkbox membersOnly = new Checkbox(getTranslation("class.session.membersOnly"), s.membersOnly());
        membersOnly.setId("members-only");
        membersOnly.setTooltipText(getTranslation("class.session.membersOnly.help"));
        membersOnly.setEnabled(!s.archived());
        membersOnly.addValueChangeListener(e -> act(() -> sessions.membersOnly(s.id(), e.getValue())));
        Button archive = new Button(getTranslation("class.session.archive"), e -> Messages.attempt(this, () -> {
            sessions.archive(s.id());
            changed.accept(sessions.session(s.id()));
        }));
        HorizontalLayout actions = new HorizontalLayout(toggle, renew, approve, membersOnly, archive);
        actions.setWrap(true);
        add(new H2(getTranslation("class.join.heading")), code, new Paragraph(link), qr, state, actions);
    }

    private void act(Supplier<ClassSession> action) {
        Messages.attempt(this, () -> {
            ClassSession next = action.get();
            show(next);
            changed.accept(next);
        });
    }
}
