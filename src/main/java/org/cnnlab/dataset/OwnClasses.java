package org.cnnlab.dataset;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.NetworkInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The student's own data set, Teachable-Machine style: they name classes and draw or upload
 * examples for each. Examples are kept as 28×28 grey images (light on black, like the other sets,
 * via {@link NetworkInput}). A few drawings are too few to train on, so a run gets each example
 * again with small seeded shifts (up to {@value #MAX_SHIFT} pixels) until every class has the
 * images per class asked for.
 */
@Service
public class OwnClasses implements StudentState {

    public static final String ID = "own";
    public static final int SIDE = 28;
    static final int MAX_SHIFT = 2;

    /** A class as the page lists it: its name, how many examples, and the examples (28×28, 0…1). */
    public record OwnClass(String name, List<float[]> examples) {
    }

    private final int maxClasses;
    private final int maxExamples;
    private final ImageDecoder decoder;
    private final Map<StudentId, Map<String, List<float[]>>> classes;

    public OwnClasses(@Value("${cnnlab.datasets.own-max-classes:10}") int maxClasses,
                      @Value("${cnnlab.datasets.own-max-examples:100}") int maxExamples,
                      @Value("${cnnlab.datasets.own-max-students:500}") int maxStudents, ImageDecoder decoder) {
        this.maxClasses = maxClasses;
        this.maxExamples = maxExamples;
        this.decoder = decoder;
        this.classes = StudentState.store(maxStudents);
    }

    public List<OwnClass> list(StudentId student) {
        synchronized (classes) {
            Map<String, List<float[]>> mine = classes.getOrDefault(student, Map.of());
            return mine.entrySet().stream().map(e -> new OwnClass(e.getKey(), List.copyOf(e.getValue()))).toList();
        }
    }

    public void addClass(StudentId student, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 30) throw new InvalidInputException("own.error.name", 30);
        synchronized (classes) {
            Map<String, List<float[]>> mine = classes.computeIfAbsent(student, s -> new LinkedHashMap<>());
            if (mine.containsKey(clean)) throw new InvalidInputException("own.error.duplicate", clean);
            if (mine.size() >= maxClasses) throw new InvalidInputException("own.error.tooManyClasses", maxClasses);
            mine.put(clean, new ArrayList<>());
        }
    }

    public void removeClass(StudentId student, String name) {
        synchronized (classes) {
            Map<String, List<float[]>> mine = classes.get(student);
            if (mine != null) mine.remove(name);
        }
    }

    /** Adds a drawing or an uploaded image to one of the student's classes. */
    public void addExample(StudentId student, String className, byte[] image) {
        float[] example = NetworkInput.of(decoder.decode(image).image(), 1, SIDE, SIDE);
        float ink = 0;
        for (float v : example) ink = Math.max(ink, v);
        if (ink < 0.1f) throw new InvalidInputException("own.error.blank");
        synchronized (classes) {
            List<float[]> examples = classes.getOrDefault(student, Map.of()).get(className);
            if (examples == null) throw new InvalidInputException("own.error.noClass");
            if (examples.size() >= maxExamples) throw new InvalidInputException("own.error.tooManyExamples", maxExamples);
            examples.add(example);
        }
    }

    /** Every class's examples, each repeated with small shifts to {@code perClass} images, seeded and shuffled. */
    public LabelledImages dataset(StudentId student, int perClass, long seed) {
        return examples(student).expand(perClass, seed);
    }

    /** A copy of the student's classes and examples as they are now; refused unless there are two classes, none empty. */
    public Examples examples(StudentId student) {
        List<OwnClass> own = list(student);
        if (own.size() < 2) throw new InvalidInputException("own.error.tooFewClasses");
        for (OwnClass c : own) {
            if (c.examples().isEmpty()) throw new InvalidInputException("own.error.emptyClass", c.name());
        }
        return new Examples(own.stream().map(OwnClass::name).toList(), own.stream().map(c -> List.copyOf(c.examples())).toList());
    }

    /** Classes and their examples (28×28, 0…1), kept as they were: what a waiting job of the student's own classes holds. */
    public record Examples(List<String> names, List<List<float[]>> examples) implements Serializable {
        public Examples {
            names = List.copyOf(names);
            examples = examples.stream().map(List::copyOf).toList();
        }

        /** Each class's examples, the originals first, then again with seeded shifts, to {@code perClass} images; shuffled. */
        public LabelledImages expand(int perClass, long seed) {
            Random random = new Random(seed);
            int n = names.size() * perClass;
            float[] pixels = new float[n * SIDE * SIDE];
            int[] labels = new int[n];
            int i = 0;
            for (int c = 0; c < names.size(); c++) {
                List<float[]> own = examples.get(c);
                for (int k = 0; k < perClass; k++, i++) {
                    float[] example = own.get(k % own.size());
                    int dx = k < own.size() ? 0 : random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;   // the originals first, unshifted
                    int dy = k < own.size() ? 0 : random.nextInt(2 * MAX_SHIFT + 1) - MAX_SHIFT;
                    Shift.image(example, 0, 1, SIDE, SIDE, dx, dy, pixels, i * SIDE * SIDE);
                    labels[i] = c;
                }
            }
            LabelledImages ordered = new LabelledImages(ID, names, 1, SIDE, SIDE, pixels, labels);
            return ordered.subset(Shuffle.permutation(n, random));
        }
    }

    @Override
    public void forget(StudentId student) {
        classes.remove(student);
    }
}
