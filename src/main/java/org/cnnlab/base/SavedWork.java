package org.cnnlab.base;

import java.util.Map;

/**
 * Work a student saved that is not a file (network designs), kept for students with a lasting
 * identity (class members) so that it survives their session and a server restart. For anonymous
 * students it keeps nothing: their work goes with their session, as it always did.
 */
public interface SavedWork {

    /** The student's saved items of one kind, by name, in the order they were first saved. */
    Map<String, String> load(StudentId student, String kind);

    void store(StudentId student, String kind, String name, String content);

    /** Keeps nothing (tests, and a server without the class database). */
    SavedWork NONE = new SavedWork() {
        @Override
        public Map<String, String> load(StudentId student, String kind) {
            return Map.of();
        }

        @Override
        public void store(StudentId student, String kind, String name, String content) {
        }
    };
}
