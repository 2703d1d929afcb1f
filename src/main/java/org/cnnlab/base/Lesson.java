package org.cnnlab.base;

import java.util.Locale;

/**
 * The app's lessons in the lecture's order; one place for the outline the navigation follows.
 * A lesson without a view yet links to the "coming soon" page.
 */
public enum Lesson {
    RECAP("descenso", true),
    REPRESENTATION("representacion", true),
    NETWORK("red", true),
    CONVOLUTION("convolucion", true),
    TRAINING("entrenar", true),
    INSPECTION("interior", true);

    private final String path;
    private final boolean built;

    Lesson(String path, boolean built) {
        this.path = path;
        this.built = built;
    }

    public String path() {
        return built ? path : "proximamente/" + path;
    }

    public boolean built() {
        return built;
    }

    /** Its place in the lecture's order, from 1: the number the menu and the home page show. */
    public int number() {
        return ordinal() + 1;
    }

    public String titleKey() {
        return "lesson." + name().toLowerCase(Locale.ROOT) + ".title";
    }

    public String summaryKey() {
        return "lesson." + name().toLowerCase(Locale.ROOT) + ".summary";
    }

    public static Lesson byPath(String path) {
        for (Lesson lesson : values()) {
            if (lesson.path.equals(path)) return lesson;
        }
        return null;
    }
}
