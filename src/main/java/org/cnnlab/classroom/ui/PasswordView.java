package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.Instructors;

/** Replacing the one-time password (required at the first login) or any later password. */
@Route("clase/contrasena")
@RolesAllowed(Instructors.ROLE)
public class PasswordView extends VerticalLayout implements HasDynamicTitle {

    public PasswordView(Instructors instructors, AuthenticationContext auth) {
        String name = auth.getPrincipalName().orElseThrow();
        PasswordField current = new PasswordField(getTranslation("class.password.current"));
        current.setId("password-current");
        PasswordField next = new PasswordField(getTranslation("class.password.new", Instructors.MIN_PASSWORD));
        next.setId("password-new");
        PasswordField repeat = new PasswordField(getTranslation("class.password.repeat"));
        repeat.setId("password-repeat");
        Button save = new Button(getTranslation("class.password.save"), e -> Messages.attempt(this, () -> {
            instructors.changePassword(name, current.getValue(), next.getValue(), repeat.getValue());
            getUI().ifPresent(ui -> ui.navigate(DashboardView.class));
        }));
        save.setId("password-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(new H1(getTranslation("class.password.title")),
                new Paragraph(getTranslation(instructors.mustChangePassword(name) ? "class.password.mustChange" : "class.password.intro")),
                current, next, repeat, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.password.title");
    }
}
