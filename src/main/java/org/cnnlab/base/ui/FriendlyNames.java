package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Locale;

/**
 * Networks and data sets as the student reads them: their translated names, never the enum or id
 * the code uses ("SHORTCUT_BIASED" is shown as "CNN chica · husky o lobo, fondos sesgados"). An id
 * without a translation (a builder design's own name) is shown as it is.
 */
public final class FriendlyNames {
    private FriendlyNames() {
    }

    public static String network(Component c, String network) {
        return network == null ? "" : translatedOr(c, "training.network." + network.toLowerCase(Locale.ROOT), network);
    }

    public static String dataset(Component c, String dataset) {
        return dataset == null ? "" : translatedOr(c, "dataset." + dataset, dataset);
    }

    private static String translatedOr(Component c, String key, String fallback) {
        String text = c.getTranslation(key);
        return text.equals("!" + key + "!") ? fallback : text;
    }
}
