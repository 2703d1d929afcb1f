package org.cnnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.NetworkInput;
import org.cnnlab.models.ModelRef;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.ModelStore;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.TensorShape;
import org.springframework.stereotype.Service;

/**
 * A student's trained models, wherever they came from: the finished runs the training queue keeps
 * and the ones saved to (or uploaded into) their list. The training page tries them on a drawing;
 * the inspection page opens them. Both ask here, neither asks the other's lab.
 */
@Service
public class StudentModels {

    /** One class and how likely the model finds it. */
    public record Guess(String className, double probability) {
    }

    private final TrainingService training;
    private final ModelStore store;
    private final ModelRunner runner;
    private final ImageDecoder decoder;

    public StudentModels(TrainingService training, ModelStore store, ModelRunner runner, ImageDecoder decoder) {
        this.training = training;
        this.store = store;
        this.runner = runner;
        this.decoder = decoder;
    }

    /** The model a reference points to; another student's run or saved model is refused as if it did not exist. */
    public TrainedModel model(StudentId student, ModelRef ref) {
        return switch (ref) {
            case ModelRef.Saved s -> store.load(student, s.id());
            case ModelRef.Run r -> training.trained(student, r.jobId()).orElseThrow(() -> new InvalidInputException("training.error.noModel"));
        };
    }

    /** The class names of a run's model, in its confusion matrix's order; empty once its model is gone. */
    public List<String> classes(StudentId student, ModelRef ref) {
        try {
            return model(student, ref).classes();
        } catch (InvalidInputException e) {
            return List.of();
        }
    }

    /**
     * Classifies a drawn or uploaded image, most likely class first; the image is brought to the
     * network's input by {@link NetworkInput}.
     */
    public List<Guess> predict(StudentId student, ModelRef ref, byte[] image) {
        TrainedModel model = model(student, ref);
        TensorShape in = model.network().input();
        float[] values = NetworkInput.of(decoder.decode(image).image(), in.channels(), in.height(), in.width());
        double[] p = runner.probabilities(model, values);
        List<Guess> guesses = new ArrayList<>();
        for (int c = 0; c < p.length; c++) guesses.add(new Guess(model.classes().get(c), p[c]));
        guesses.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return guesses;
    }

    /** The student's finished runs, oldest first. */
    public List<TrainingProgress> finishedRuns(StudentId student) {
        return training.finished(student);
    }

    /** Saves the model a finished run learned to the student's list. */
    public ModelStore.Saved save(StudentId student, long jobId, String name) {
        return store.save(student, model(student, ModelRef.job(jobId)), name);
    }

    public List<ModelStore.Saved> saved(StudentId student) {
        return store.list(student);
    }

    public ModelStore.Saved upload(StudentId student, byte[] file) {
        return store.upload(student, file);
    }

    public byte[] download(StudentId student, String savedId) {
        return store.file(student, savedId);
    }

    public String downloadName(StudentId student, String savedId) {
        return store.fileName(student, savedId);
    }

    public void delete(StudentId student, String savedId) {
        store.delete(student, savedId);
    }

    public long maxFileBytes() {
        return store.limits().maxFileBytes();
    }
}
