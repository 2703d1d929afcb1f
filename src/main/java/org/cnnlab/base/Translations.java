package org.cnnlab.base;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Vaadin i18n for the whole app: {@code i18n/messages.properties} is Spanish (the course's
 * language and the default), {@code messages_en.properties} English. Arguments use
 * {@link MessageFormat}. A missing key shows as "!key!" so it is caught in review, not hidden.
 */
@Component
public class Translations implements I18NProvider {

    public static final Locale SPANISH = Locale.of("es");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final String BUNDLE = "i18n.messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(SPANISH, ENGLISH);
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale target = ENGLISH.getLanguage().equals(locale == null ? null : locale.getLanguage()) ? ENGLISH : SPANISH;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, target, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, target).format(params);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
