package org.cnnlab.training;

import java.io.Serializable;
import java.util.List;
import org.cnnlab.dataset.DataHeader;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.dataset.OwnClasses;

/**
 * What a job trains on, and the held-out images it is tested on at the end. A waiting job holds
 * this description, not its images: {@link #make} draws or reads them when the job starts and the
 * run lets them go when it ends, so the memory a class's queue takes grows with the jobs that run,
 * not with the jobs that wait (an MNIST job of 2,000 images per class is about 75 MB of floats).
 * Descriptions travel to worker nodes as they are; each worker makes the images from its own catalog.
 */
public sealed interface TrainingData extends Serializable {

    /** What the request check and the price need: classes, image shape, images per class. */
    DataHeader header();

    /** Whether the run is tested on held-out images of its own (else on its validation images). */
    boolean hasTest();

    /** How many held-out test images it has (0 without). */
    int testSize();

    /** The training images and the held-out test images (null when {@link #hasTest} is false). */
    Made make(DatasetCatalog catalog);

    record Made(LabelledImages train, LabelledImages test) {
    }

    /** Images already made (a lesson's small generated sets, tests). */
    static TrainingData ready(LabelledImages train, LabelledImages test) {
        return new Ready(train, test);
    }

    /** A catalog set: {@code perClass} images of each class, and {@code testPerClass} test images each if the set has test images. */
    static TrainingData catalog(DatasetCatalog catalog, String dataset, List<String> classes, int perClass, int testPerClass, long seed) {
        DataHeader header = catalog.header(dataset, classes, perClass);
        boolean hasTest = catalog.source(dataset).test(header.classes(), 2, seed).isPresent();
        return new FromCatalog(header, perClass, testPerClass, hasTest, seed);
    }

    record Ready(LabelledImages train, LabelledImages test) implements TrainingData {
        public Ready {
            if (test != null && (!test.classes().equals(train.classes()) || test.imageSize() != train.imageSize())) {
                throw new IllegalArgumentException("a test set must have the training data's classes and image shape");
            }
        }

        @Override
        public DataHeader header() {
            return train.header();
        }

        @Override
        public boolean hasTest() {
            return test != null;
        }

        @Override
        public int testSize() {
            return test == null ? 0 : test.size();
        }

        @Override
        public Made make(DatasetCatalog catalog) {
            return new Made(train, test);
        }
    }

    record FromCatalog(DataHeader header, int perClass, int testPerClass, boolean hasTest, long seed) implements TrainingData {
        @Override
        public int testSize() {
            return hasTest ? testPerClass * header.classes().size() : 0;
        }

        @Override
        public Made make(DatasetCatalog catalog) {
            LabelledImages train = catalog.load(header.id(), header.classes(), perClass, seed);
            LabelledImages test = hasTest ? catalog.test(header.id(), header.classes(), testPerClass, seed).orElseThrow() : null;
            return new Made(train, test);
        }
    }

    /** The student's own classes: their examples as they were when the job was queued (kilobytes), repeated with shifts at the start. */
    record Own(OwnClasses.Examples examples, int perClass, long seed) implements TrainingData {
        @Override
        public DataHeader header() {
            return DataHeader.of(OwnClasses.ID, examples.names(), 1, OwnClasses.SIDE, OwnClasses.SIDE, perClass);
        }

        @Override
        public boolean hasTest() {
            return false;
        }

        @Override
        public int testSize() {
            return 0;
        }

        @Override
        public Made make(DatasetCatalog catalog) {
            return new Made(examples.expand(perClass, seed), null);
        }
    }

    /** A finished job's: the description only, its images let go. */
    record Spent(DataHeader header, boolean hasTest, int testSize) implements TrainingData {
        @Override
        public Made make(DatasetCatalog catalog) {
            throw new IllegalStateException("a finished job's images are gone");
        }
    }
}
