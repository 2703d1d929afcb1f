package org.cnnlab.dataset;

import java.util.List;
import java.util.Optional;
import org.cnnlab.base.InvalidInputException;

/**
 * One data set a student can train on. Each is made by our code or read from files installed on
 * this machine (a registry package in the jar, or a Debian package); none is ever downloaded.
 */
public interface DatasetSource {

    /** The id the page and the saved models use, e.g. "mnist". */
    String id();

    /** Every class it offers, in label order. */
    List<String> classes();

    /** The classes a run uses when the student picks none. */
    default List<String> defaultClasses() {
        return classes();
    }

    /**
     * The side of its square one-channel images (28 for every set here), so that a request can be
     * checked and priced before any image is read; {@code DatasetCatalogTest} checks it against the images.
     */
    default int side() {
        return 28;
    }

    /** Images per class it has at most. */
    int maxPerClass();

    /** Whether its files are on this machine; when not, {@link #missing()} says how to get them. */
    default boolean available() {
        return true;
    }

    /** A translated explanation of how to install it (an {@code InvalidInputException} to throw). */
    default InvalidInputException missing() {
        return new InvalidInputException("dataset.error.missing", id());
    }

    /**
     * {@code perClass} images of each of {@code classes} (a subset of {@link #classes()}, labelled
     * 0… in that order), a seeded choice.
     */
    LabelledImages load(List<String> classes, int perClass, long seed);

    /**
     * A test set of about {@code perClass} images of each class that a run never trains or validates
     * on (the official test files, or freshly generated images), or empty when the set has none.
     */
    default Optional<LabelledImages> test(List<String> classes, int perClass, long seed) {
        return Optional.empty();
    }
}
