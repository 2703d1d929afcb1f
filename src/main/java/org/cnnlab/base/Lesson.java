package org.cnnlab.base;

import java.util.Locale;

/**
 * The app's lessons in the lecture's order; one place for the outline the navigation follows, and
 * for each lesson's route: its view says {@code @Route(Lesson.Paths.X)}.
 */
public enum Lesson {
    RECAP(Paths.RECAP),
    REPRESENTATION(Paths.REPRESENTATION),
    NETWORK(Paths.NETWORK),
    CONVOLUTION(Paths.CONVOLUTION),
    TRAINING(Paths.TRAINING),
    INSPECTION(Paths.INSPECTION);

    /** The lessons' routes, as constants an annotation can name. */
    public static final class Paths {
        public static final String RECAP = "descenso";
        public static final String REPRESENTATION = "representacion";
        public static final String NETWORK = "red";
        public static final String CONVOLUTION = "convolucion";
        public static final String TRAINING = "entrenar";
        public static final String INSPECTION = "interior";

        private Paths() {
        }
    }

    private final String path;

    Lesson(String path) {
        this.path = path;
    }

    public String path() {
        return path;
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
