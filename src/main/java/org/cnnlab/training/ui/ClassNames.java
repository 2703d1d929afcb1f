package org.cnnlab.training.ui;

import com.vaadin.flow.component.Component;

/** A class of a data set as the student reads it: translated where we know the word, else its own name. */
final class ClassNames {

    private ClassNames() {
    }

    static String label(Component c, String className) {
        String key = "class." + className;
        String translated = c.getTranslation(key);
        return translated.equals("!" + key + "!") ? className : translated;
    }
}
