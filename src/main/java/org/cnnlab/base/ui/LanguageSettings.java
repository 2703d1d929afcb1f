package org.cnnlab.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;
import org.cnnlab.base.Translations;
import org.springframework.stereotype.Component;

/**
 * Spanish first: every new session starts in Spanish whatever the browser asks for; the switch in
 * the header changes the session's language and reloads the page.
 */
@Component
public class LanguageSettings implements VaadinServiceInitListener {
    private static final String CHOSEN = LanguageSettings.class.getName() + ".chosen";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            VaadinSession session = ui.getUI().getSession();
            Locale locale = (Locale) session.getAttribute(CHOSEN);
            ui.getUI().setLocale(locale != null ? locale : Translations.SPANISH);
        });
    }

    public static void choose(Locale locale) {
        VaadinSession.getCurrent().setAttribute(CHOSEN, locale);
    }

    public static Locale other(Locale current) {
        return Translations.ENGLISH.getLanguage().equals(current.getLanguage()) ? Translations.SPANISH : Translations.ENGLISH;
    }
}
