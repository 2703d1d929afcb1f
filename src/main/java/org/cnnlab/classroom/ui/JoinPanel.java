package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.shared.Registration;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.classroom.QrCodes;

/**
 * The session's join code, link and QR code to project, and what admits students: open/close, renew,
 * approval, members only, archive. Each is an event for the session shown; the view answers with the
 * session as saved.
 */
class JoinPanel extends Div {

    /** Something about session {@code classId}'s admission to change. */
    public abstract static class SessionEvent extends ComponentEvent<JoinPanel> {
        private final long classId;

        protected SessionEvent(JoinPanel source, long classId) {
            super(source, false);
            this.classId = classId;
        }

        public long classId() {
            return classId;
        }
    }

    /** Open the join code (or close it: {@code open} false). */
    public static class CodeOpenEvent extends SessionEvent {
        private final boolean open;

        public CodeOpenEvent(JoinPanel source, long classId, boolean open) {
            super(source, classId);
            this.open = open;
        }

        public boolean open() {
            return open;
        }
    }

    /** A new join code in place of the shown one. */
    public static class RenewEvent extends SessionEvent {
        public RenewEvent(JoinPanel source, long classId) {
            super(source, classId);
        }
    }

    /** Whether each student waits for the instructor's approval. */
    public static class ApproveEachEvent extends SessionEvent {
        private final boolean approveEach;

        public ApproveEachEvent(JoinPanel source, long classId, boolean approveEach) {
            super(source, classId);
            this.approveEach = approveEach;
        }

        public boolean approveEach() {
            return approveEach;
        }
    }

    /** Whether only the class's members may train, upload a model or run saliency. */
    public static class MembersOnlyEvent extends SessionEvent {
        private final boolean membersOnly;

        public MembersOnlyEvent(JoinPanel source, long classId, boolean membersOnly) {
            super(source, classId);
            this.membersOnly = membersOnly;
        }

        public boolean membersOnly() {
            return membersOnly;
        }
    }

    public static class ArchiveEvent extends SessionEvent {
        public ArchiveEvent(JoinPanel source, long classId) {
            super(source, classId);
        }
    }

    private final String base;

    JoinPanel() {
        addClassName("dashboard-panel");
        setId("join-panel");
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        String url = request == null ? "" : request.getHttpServletRequest().getRequestURL().toString();
        String path = request == null ? "" : request.getHttpServletRequest().getRequestURI();
        base = url.endsWith(path) ? url.substring(0, url.length() - path.length()) + request.getContextPath() : url;
    }

    void show(ClassSession s) {
        removeAll();
        String link = base + "/unirse?codigo=" + s.joinCode();
        Span code = new Span(s.joinCode());
        code.addClassName("join-code");
        code.setId("join-code-shown");
        Image qr = new Image(ImageUrls.png(QrCodes.png(link)), getTranslation("class.join.qr"));
        qr.addClassName("join-qr");
        Paragraph state = new Paragraph(getTranslation(s.archived() ? "class.session.archived" : s.codeOpen() ? "class.code.open" : "class.code.closed"));
        Button toggle = new Button(getTranslation(s.codeOpen() ? "class.code.close" : "class.code.reopen"),
                e -> fireEvent(new CodeOpenEvent(this, s.id(), !s.codeOpen())));
        toggle.setId("join-code-toggle");
        Button renew = new Button(getTranslation("class.code.renew"), e -> fireEvent(new RenewEvent(this, s.id())));
        renew.setId("join-code-renew");
        Checkbox approve = new Checkbox(getTranslation("class.session.approveEach"), s.approveEach());
        approve.addValueChangeListener(e -> fireEvent(new ApproveEachEvent(this, s.id(), e.getValue())));
        Checkbox membersOnly = new Checkbox(getTranslation("class.session.membersOnly"), s.membersOnly());
        membersOnly.setId("members-only");
        membersOnly.setTooltipText(getTranslation("class.session.membersOnly.help"));
        membersOnly.setEnabled(!s.archived());
        membersOnly.addValueChangeListener(e -> fireEvent(new MembersOnlyEvent(this, s.id(), e.getValue())));
        Button archive = new Button(getTranslation("class.session.archive"), e -> fireEvent(new ArchiveEvent(this, s.id())));
        HorizontalLayout actions = new HorizontalLayout(toggle, renew, approve, membersOnly, archive);
        actions.setWrap(true);
        add(new H2(getTranslation("class.join.heading")), code, new Paragraph(link), qr, state, actions);
    }

    public Registration addCodeOpenListener(ComponentEventListener<CodeOpenEvent> listener) {
        return addListener(CodeOpenEvent.class, listener);
    }

    public Registration addRenewListener(ComponentEventListener<RenewEvent> listener) {
        return addListener(RenewEvent.class, listener);
    }

    public Registration addApproveEachListener(ComponentEventListener<ApproveEachEvent> listener) {
        return addListener(ApproveEachEvent.class, listener);
    }

    public Registration addMembersOnlyListener(ComponentEventListener<MembersOnlyEvent> listener) {
        return addListener(MembersOnlyEvent.class, listener);
    }

    public Registration addArchiveListener(ComponentEventListener<ArchiveEvent> listener) {
        return addListener(ArchiveEvent.class, listener);
    }
}
