package org.cnnlab.convolution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.SavedWork;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Kernels a student saved by name from the playground (first channel's kernel and the bias). Kept
 * in memory for the session; a class member's also in the database, so they come back after a
 * restart. Stored as text: "k;bias;w₀ w₁ … w_{k²−1}".
 */
@Service
public class KernelShelf implements StudentState {
    public static final int MAX_SAVED = 20;
    private static final int MAX_NAME = 40;
    static final String KIND = "kernel";

    private final PlaygroundService playground;
    private final SavedWork savedWork;
    private final Map<StudentId, Map<String, String>> shelves;

    public KernelShelf(PlaygroundService playground, SavedWork savedWork, @Value("${cnnlab.playground.max-students:1000}") int maxStudents) {
        this.playground = playground;
        this.savedWork = savedWork;
        this.shelves = StudentState.store(maxStudents);
    }

    public List<String> names(StudentId student) {
        return List.copyOf(shelf(student).keySet());
    }

    /** Saves the playground's current kernel (channel 0) and bias under a name; the same name replaces it. */
    public List<String> save(StudentId student, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) throw new InvalidInputException("kernel.save.name", MAX_NAME);
        Map<String, String> shelf = new LinkedHashMap<>(shelf(student));
        if (!shelf.containsKey(clean) && shelf.size() >= MAX_SAVED) throw new InvalidInputException("kernel.save.full", MAX_SAVED);
        PlaygroundState s = playground.current(student).state();
        Kernel k = s.kernel(0);
        StringBuilder text = new StringBuilder().append(k.size()).append(';').append(s.settings().bias()).append(';');
        for (int i = 0; i < k.weights().length; i++) text.append(i == 0 ? "" : " ").append(k.weights()[i]);
        savedWork.store(student, KIND, clean, text.toString());   // first: a save the database refused is not listed
        shelf.put(clean, text.toString());
        shelves.put(student, shelf);
        return names(student);
    }

    public Playground load(StudentId student, String name) {
        String text = shelf(student).get(name);
        if (text == null) throw new InvalidInputException("kernel.save.unknown", name);
        String[] parts = text.split(";");
        String[] values = parts[2].split(" ");
        float[] weights = new float[values.length];
        for (int i = 0; i < values.length; i++) weights[i] = Float.parseFloat(values[i]);
        return playground.receiveKernel(student, new Kernel(Integer.parseInt(parts[0]), weights), Float.parseFloat(parts[1]));
    }

    private Map<String, String> shelf(StudentId student) {
        return shelves.computeIfAbsent(student, s -> {
            Map<String, String> stored = new LinkedHashMap<>();
            savedWork.load(s, KIND).forEach((name, text) -> {
                if (text.split(";").length == 3) stored.put(name, text);   // a line this version cannot read is left out
            });
            return stored;
        });
    }

    @Override
    public void forget(StudentId student) {
        shelves.remove(student);
    }
}
