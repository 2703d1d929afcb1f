package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.ClassroomService;

/** A student joins a class session with its code and a nickname: no account, no password. */
@Route("unirse")
@AnonymousAllowed
public class JoinView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final TextField code = new TextField();
    private final TextField nickname = new TextField();

    public JoinView(ClassroomService classroom) {
        addClassName("join-view");
        code.setLabel(getTranslation("class.join.code"));
        code.setId("join-code");
        code.setMaxLength(16);
        nickname.setLabel(getTranslation("class.join.nickname.label"));
        nickname.setId("join-nickname");
        nickname.setMaxLength(ClassroomService.MAX_NICKNAME);
        Button join = new Button(getTranslation("class.join.submit"), e -> Messages.attempt(this, () -> {
            VaadinSession session = VaadinSession.getCurrent();
            ClassroomService.Joined joined = classroom.join(code.getValue(), nickname.getValue(), session.getBrowser().getAddress());
            RejoinCookie.give(joined.rejoinToken());
            CurrentStudent.become(session, joined.student());
            getUI().ifPresent(ui -> ui.getPage().setLocation("./"));   // every page starts again as the class member
        }));
        join.setId("join-submit");
        join.addThemeVariants(ButtonVariant.PRIMARY);
        join.addClickShortcut(Key.ENTER);
        String current = classroom.membership(CurrentStudent.id())
                .map(m -> getTranslation("class.join.already", m.className(), m.nickname())).orElse("");
        add(new H1(getTranslation("class.join.title")), new Paragraph(getTranslation("class.join.intro")), code, nickname, join);
        if (!current.isEmpty()) add(new Paragraph(current));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("codigo").ifPresent(code::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.join.title");
    }
}
