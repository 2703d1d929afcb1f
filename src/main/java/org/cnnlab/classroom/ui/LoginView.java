package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** The instructor's login (students never log in: they join with a code); failed logins are throttled, and it says how long to wait. */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final LoginForm form = new LoginForm();

    public LoginView() {
        addClassName("login-view");
        setAlignItems(Alignment.CENTER);
        form.setI18n(i18n());
        form.setForgotPasswordButtonVisible(false);
        form.setAction("login");
        add(form, new Anchor("unirse", getTranslation("class.login.student")));
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("class.login.title"));
        i18n.getForm().setUsername(getTranslation("class.login.username"));
        i18n.getForm().setPassword(getTranslation("class.login.password"));
        i18n.getForm().setSubmit(getTranslation("class.login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("class.login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("class.login.error.message"));
        return i18n;
    }

    /** After a wrong password "error"; after too many, "throttled=<seconds to wait>" (LoginThrottleFilter). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        var throttled = parameters.getSingleParameter("throttled").filter(s -> s.matches("\\d{1,6}"));
        if (throttled.isPresent()) {
            LoginI18n i18n = i18n();
            i18n.getErrorMessage().setTitle(getTranslation("class.login.throttled.title"));
            i18n.getErrorMessage().setMessage(getTranslation("class.login.throttled.message", Long.parseLong(throttled.get())));
            form.setI18n(i18n);
        }
        form.setError(throttled.isPresent() || parameters.getParameters().containsKey("error"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.login.title");
    }
}
