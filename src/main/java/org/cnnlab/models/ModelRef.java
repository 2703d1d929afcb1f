package org.cnnlab.models;

/** The model a student tries or inspects: a finished run of theirs, or one of their saved models. */
public sealed interface ModelRef {

    /** The model a finished training run learned. */
    record Run(long jobId) implements ModelRef {
    }

    /** A model in the student's saved list ({@link ModelStore}). */
    record Saved(String id) implements ModelRef {
    }

    static ModelRef job(long jobId) {
        return new Run(jobId);
    }

    static ModelRef saved(String id) {
        return new Saved(id);
    }
}
