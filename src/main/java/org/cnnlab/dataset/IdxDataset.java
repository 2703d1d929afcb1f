package org.cnnlab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cnnlab.base.InvalidInputException;

/**
 * A data set of IDX files (MNIST's format; gzipped or not): a training image file and its label
 * file, read once on first use and kept in memory (60,000 28×28 images are 188 MB of floats).
 */
final class IdxDataset implements DatasetSource {

    /** Opens one of the files, or returns null when it is not there. */
    interface Files {
        InputStream open(String name) throws IOException;
    }

    private static final long MAX_BYTES = 100_000_000L;
    private final String id;
    private final List<String> classes;
    private final Files files;
    private final String images;
    private final String labels;
    private final String testImages;
    private final String testLabels;
    private volatile LabelledImages testSet;
    private final Supplier<InvalidInputException> missing;
    private volatile LabelledImages all;

    /** @param testImages, testLabels the official test files (MNIST's t10k), never sampled for training */
    IdxDataset(String id, List<String> classes, Files files, String images, String labels, String testImages, String testLabels,
               Supplier<InvalidInputException> missing) {
        this.testImages = testImages;
        this.testLabels = testLabels;
        this.id = id;
        this.classes = List.copyOf(classes);
        this.files = files;
        this.images = images;
        this.labels = labels;
        this.missing = missing;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public int maxPerClass() {
        return 5_000;
    }

    @Override
    public boolean available() {
        try (InputStream in = files.open(images)) {
            return in != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public InvalidInputException missing() {
        return missing.get();
    }

    @Override
    public LabelledImages load(List<String> chosen, int perClass, long seed) {
        return Sampling.balanced(all(), chosen, perClass, seed);
    }

    @Override
    public Optional<LabelledImages> test(List<String> chosen, int perClass, long seed) {
        LabelledImages loaded = testSet;
        if (loaded == null) {
            synchronized (this) {
                if (testSet == null) testSet = read(testImages, testLabels);
                loaded = testSet;
            }
        }
        return Optional.of(Sampling.balanced(loaded, chosen, perClass, seed));
    }

    private LabelledImages all() {
        LabelledImages loaded = all;
        if (loaded == null) {
            synchronized (this) {
                if (all == null) all = read(images, labels);
                loaded = all;
            }
        }
        return loaded;
    }

    private LabelledImages read(String images, String labels) {
        try (InputStream i = files.open(images); InputStream l = files.open(labels)) {
            if (i == null || l == null) throw missing();
            return IdxReader.labelled(id, classes, IdxReader.read(i, MAX_BYTES), IdxReader.read(l, MAX_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
