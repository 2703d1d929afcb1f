package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.cnnlab.classroom.ClassSession;

/** The dashboard's top row: choose a class session, create one (name, approve each), log out. */
class SessionBar extends HorizontalLayout {

    /** A session was chosen; {@code null} when there is none to show. */
    public static class SessionChosenEvent extends ComponentEvent<SessionBar> {
        private final ClassSession session;

        public SessionChosenEvent(SessionBar source, ClassSession session) {
            super(source, false);
            this.session = session;
        }

        public ClassSession session() {
            return session;
        }
    }

    /** "Create" with the name typed and whether each student waits for approval. */
    public static class CreateEvent extends ComponentEvent<SessionBar> {
        private final String name;
        private final boolean approveEach;

        public CreateEvent(SessionBar source, String name, boolean approveEach) {
            super(source, false);
            this.name = name;
            this.approveEach = approveEach;
        }

        public String name() {
            return name;
        }

        public boolean approveEach() {
            return approveEach;
        }
    }

    public static class LogoutEvent extends ComponentEvent<SessionBar> {
        public LogoutEvent(SessionBar source) {
            super(source, false);
        }
    }

    private final Select<ClassSession> sessions = new Select<>();

    SessionBar() {
        sessions.setLabel(getTranslation("class.session.choose"));
        sessions.setId("class-session-select");
        sessions.setItemLabelGenerator(s -> s.name() + " · " + s.joinCode() + (s.archived() ? " · " + getTranslation("class.session.archived") : ""));
        sessions.addValueChangeListener(e -> fireEvent(new SessionChosenEvent(this, e.getValue())));
        TextField name = new TextField(getTranslation("class.session.name.label"));
        name.setId("class-session-name");
        Checkbox approve = new Checkbox(getTranslation("class.session.approveEach"));
        Button create = new Button(getTranslation("class.session.create"), e -> fireEvent(new CreateEvent(this, name.getValue(), approve.getValue())));
        create.setId("class-session-create");
        Button logout = new Button(getTranslation("class.logout"), e -> fireEvent(new LogoutEvent(this)));
        add(sessions, name, approve, create, logout);
        setAlignItems(Alignment.BASELINE);
        setWrap(true);
    }

    /** Lists {@code all} and chooses the one with id {@code select}, else the first not archived, else none. */
    void show(List<ClassSession> all, long select) {
        sessions.setItems(all);
        all.stream().filter(s -> s.id() == select).findFirst().or(() -> all.stream().filter(s -> !s.archived()).findFirst())
                .ifPresentOrElse(sessions::setValue, () -> fireEvent(new SessionChosenEvent(this, null)));
    }

    /** The session chosen, or {@code null}. */
    ClassSession chosen() {
        return sessions.getValue();
    }

    public Registration addSessionChosenListener(ComponentEventListener<SessionChosenEvent> listener) {
        return addListener(SessionChosenEvent.class, listener);
    }

    public Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    public Registration addLogoutListener(ComponentEventListener<LogoutEvent> listener) {
        return addListener(LogoutEvent.class, listener);
    }
}
