package org.cnnlab.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.SavedWork;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Each student's network workbench, keyed by {@link StudentId}: the design being edited and the
 * designs they saved. Every edit is analysed before it replaces the design, so a refused edit (a
 * thousand layers, a malformed import) leaves the design as it was; a layer that cannot take its
 * input is kept and shown with its reason, since that is how a student finds the mistake.
 */
@Service
public class NetworkDesignService implements StudentState {

    public static final int MAX_SAVED = 20;
    private static final int MAX_NAME = 40;

    private record Workbench(NetworkSpec current, Map<String, NetworkSpec> saved) {
    }

    private final NetworkLimits limits;
    private final ShapeInference inference;
    private final Map<StudentId, Workbench> benches;
    private final SavedWork savedWork;
    private final BudgetLimits budget;
    static final String KIND = "network";

    public NetworkDesignService(NetworkLimits limits, int maxStudents) {
        this(limits, maxStudents, SavedWork.NONE, BudgetLimits.defaults());
    }

    /** Saved designs of class members also go to {@code savedWork}, and come back from it after a restart. */
    @Autowired
    public NetworkDesignService(NetworkLimits limits, @Value("${cnnlab.playground.max-students:1000}") int maxStudents, SavedWork savedWork,
                                BudgetLimits budget) {
        this.limits = limits;
        this.budget = budget;
        this.inference = new ShapeInference(limits);
        this.benches = StudentState.store(maxStudents);
        this.savedWork = savedWork;
    }

    public NetworkDesign current(StudentId student) {
        return edit(student, spec -> spec);
    }

    public NetworkDesign usePreset(StudentId student, NetworkPresets preset) {
        return edit(student, spec -> preset.spec());
    }

    public NetworkDesign changeInput(StudentId student, int channels, int height, int width) {
        return edit(student, spec -> new NetworkSpec(spec.version(), TensorShape.image(channels, height, width), spec.layers()));
    }

    /** Inserts {@code layer} at position {@code at} (0 first; clamped to the ends). */
    public NetworkDesign insertLayer(StudentId student, int at, LayerSpec layer) {
        return layers(student, list -> list.add(Math.clamp(at, 0, list.size()), layer));
    }

    public NetworkDesign replaceLayer(StudentId student, int index, LayerSpec layer) {
        return layers(student, list -> {
            if (index >= 0 && index < list.size()) list.set(index, layer);
        });
    }

    public NetworkDesign removeLayer(StudentId student, int index) {
        return layers(student, list -> {
            if (index >= 0 && index < list.size()) list.remove(index);
        });
    }

    /** Moves a layer up (−1) or down (+1); at either end nothing moves. */
    public NetworkDesign moveLayer(StudentId student, int index, int delta) {
        return layers(student, list -> {
            int to = index + delta;
            if (index >= 0 && index < list.size() && to >= 0 && to < list.size()) Collections.swap(list, index, to);
        });
    }

    public NetworkDesign importJson(StudentId student, String json) {
        NetworkSpec imported = NetworkJson.read(json, limits.maxImportBytes());
        return edit(student, spec -> imported);
    }

    public String exportJson(StudentId student) {
        return NetworkJson.write(bench(student).current());
    }

    public NetworkDesign save(StudentId student, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new InvalidInputException("network.save.name", MAX_NAME);
        }
        Workbench bench = bench(student);
        if (!bench.saved().containsKey(clean) && bench.saved().size() >= MAX_SAVED) {
            throw new InvalidInputException("network.save.full", MAX_SAVED);
        }
        savedWork.store(student, KIND, clean, NetworkJson.write(bench.current()));   // first: a save the database refused is not listed
        Map<String, NetworkSpec> saved = new LinkedHashMap<>(bench.saved());
        saved.put(clean, bench.current());
        benches.put(student, new Workbench(bench.current(), saved));
        return current(student);
    }

    public NetworkDesign loadSaved(StudentId student, String name) {
        NetworkSpec saved = bench(student).saved().get(name);
        if (saved == null) {
            throw new InvalidInputException("network.save.unknown", name);
        }
        return edit(student, spec -> saved);
    }

    public MlpComparison compareMlp(int width, int height, int channels, int[] neurons, int filters, int kernel) {
        return MlpComparison.of(inference, width, height, channels, neurons, filters, kernel);
    }

    public NetworkAnalysis analyse(NetworkSpec spec) {
        return inference.analyse(spec);
    }

    public NetworkAnalysis quizAnalysis(int question) {
        return inference.analyse(ParameterQuiz.question(Math.floorMod(question, ParameterQuiz.count())).spec());
    }

    @Override
    public void forget(StudentId student) {
        benches.remove(student);
    }

    private NetworkDesign layers(StudentId student, Consumer<List<LayerSpec>> change) {
        return edit(student, spec -> {
            List<LayerSpec> list = new ArrayList<>(spec.layers());
            change.accept(list);
            return new NetworkSpec(spec.version(), spec.input(), list);
        });
    }

    private Workbench bench(StudentId student) {
        Workbench bench = benches.get(student);
        return bench != null ? bench : new Workbench(NetworkPresets.LECTURE_QUIZ.spec(), stored(student));
    }

    /** A class member's designs saved in an earlier session (one that no longer reads is left out). */
    private Map<String, NetworkSpec> stored(StudentId student) {
        Map<String, NetworkSpec> saved = new LinkedHashMap<>();
        savedWork.load(student, KIND).forEach((name, json) -> {
            try {
                saved.put(name, NetworkJson.read(json, Math.max(limits.maxImportBytes(), json.length() + 1)));
            } catch (InvalidInputException e) {
                // written by another version and no longer valid: not offered
            }
        });
        return saved;
    }

    private NetworkDesign edit(StudentId student, UnaryOperator<NetworkSpec> change) {
        Workbench bench = bench(student);
        NetworkSpec next = change.apply(bench.current());
        NetworkAnalysis analysis = inference.analyse(next);   // refuses a spec no design should have
        benches.put(student, new Workbench(next, bench.saved()));
        String pytorch = analysis.valid() ? PytorchCode.of(analysis) : "";
        return new NetworkDesign(next, analysis, analysis.valid() ? DesignPrice.of(analysis, budget) : null, pytorch, DjlCode.of(next), List.copyOf(bench.saved().keySet()));
    }
}
