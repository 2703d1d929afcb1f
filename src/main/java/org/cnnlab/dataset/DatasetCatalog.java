package org.cnnlab.dataset;

import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.springframework.stereotype.Service;

/** The data sets a student can train on, by id; every one is made or read locally. */
@Service
public class DatasetCatalog {

    public static final int MAX_PER_CLASS = 2_000;

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private volatile LabelledImages mnist;

    public List<String> ids() {
        return getClass().getResource("/datasets/mnist/train-images-idx3-ubyte") != null
                ? List.of("shapes-easy", "shapes-hard", "mnist")
                : List.of("shapes-easy", "shapes-hard");
    }

    public LabelledImages load(String id, int perClass, long seed) {
        if (perClass < 2 || perClass > MAX_PER_CLASS) {
            throw new InvalidInputException("dataset.error.perClass", 2, MAX_PER_CLASS);
        }
        return switch (id) {
            case "shapes-easy" -> ProceduralShapes.generate(perClass, false, seed);
            case "shapes-hard" -> ProceduralShapes.generate(perClass, true, seed);
            case "mnist" -> sample(mnist(), perClass, seed);
            default -> throw new InvalidInputException("dataset.error.unknown", id);
        };
    }

    /** The 60,000 MNIST training images, read once from the jar (the package's raw IDX files). */
    private LabelledImages mnist() {
        LabelledImages loaded = mnist;
        if (loaded == null) {
            synchronized (this) {
                if (mnist == null) {
                    mnist = readMnist();
                }
                loaded = mnist;
            }
        }
        return loaded;
    }

    private LabelledImages readMnist() {
        try (var images = getClass().getResourceAsStream("/datasets/mnist/train-images-idx3-ubyte");
             var labels = getClass().getResourceAsStream("/datasets/mnist/train-labels-idx1-ubyte")) {
            if (images == null || labels == null) {
                throw new InvalidInputException("dataset.error.missing", "mnist");
            }
            return IdxReader.labelled("mnist", DIGITS, IdxReader.read(images, 100_000_000L), IdxReader.read(labels, 100_000_000L));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first {@code perClass} images of each class in a seeded shuffle. */
    private static LabelledImages sample(LabelledImages all, int perClass, long seed) {
        int[] order = Shuffle.permutation(all.size(), new java.util.Random(seed));
        int[] taken = new int[all.classes().size()];
        int[] picked = new int[perClass * all.classes().size()];
        int n = 0;
        for (int i : order) {
            int label = all.labels()[i];
            if (taken[label] < perClass) {
                taken[label]++;
                picked[n++] = i;
                if (n == picked.length) break;
            }
        }
        return all.subset(java.util.Arrays.copyOf(picked, n));
    }
}
