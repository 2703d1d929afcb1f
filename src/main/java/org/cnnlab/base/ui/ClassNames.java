package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;

/** A class of a data set as the student reads it: translated where we know the word, else its own name. */
public final class ClassNames {

    private ClassNames() {
    }

    public static String label(Component c, String className) {
        String key = "class." + className;
        String translated = c.getTranslation(key);
        return translated.equals("!" + key + "!") ? className : translated;
    }
}
