package org.cnnlab.training;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.springframework.stereotype.Service;

/**
 * What the training page asks for, in its words: preview a data set, start a run from the choices
 * on the form (a starter network or the student's own design from the builder), stop it.
 */
@Service
public class TrainingLab {

    /** The form: data set and size, network ("builder" = the student's current design), optimiser and schedule. */
    public record Choice(String dataset, List<String> classes, int perClass, String network, OptimizerSpec optimizer, int batchSize,
                         int epochs, double validationSplit, long seed) {
        public Choice {
            classes = List.copyOf(classes);
        }
    }

    /** A data set's classes for the picker: all it offers, the ones chosen by default, and at most how many images each has. */
    public record DatasetClasses(List<String> all, List<String> defaults, int maxPerClass) {
    }

    /** A few example images as PNGs with their class, and how many images each class has. */
    public record Preview(List<String> classes, int[] counts, List<byte[]> thumbnails, List<Integer> thumbnailClasses, TensorShape shape) {
    }

    /** One class and how likely the model finds it. */
    public record Guess(String className, double probability) {
    }

    /** The model the student tries: a finished run of theirs, or one of their saved models. */
    public record ModelRef(long jobId, String savedId) {
        public static ModelRef job(long jobId) {
            return new ModelRef(jobId, null);
        }

        public static ModelRef saved(String id) {
            return new ModelRef(-1, id);
        }
    }

    private final DatasetCatalog catalog;
    private final TrainingService training;
    private final NetworkDesignService designs;
    private final ModelRunner runner;
    private final ImageDecoder decoder;
    private final ModelStore store;

    public TrainingLab(DatasetCatalog catalog, TrainingService training, NetworkDesignService designs, ModelRunner runner,
                       ImageDecoder decoder, ModelStore store) {
        this.store = store;
        this.catalog = catalog;
        this.training = training;
        this.designs = designs;
        this.runner = runner;
        this.decoder = decoder;
    }

    /**
     * Classifies a drawn or uploaded image with the model a finished job learned, most likely class
     * first. The image is brought to the network's input: grey if it has one channel, resized by area
     * averaging, scaled to 0…1, and inverted when its background is light (the data sets are light
     * shapes on black, a drawing is dark ink on white).
     */
    public List<Guess> predict(StudentId student, ModelRef ref, byte[] image) {
        TrainedModel model = model(student, ref);
        TensorShape in = model.network().input();
        PixelImage pixels = decoder.decode(image).image();
        if (in.channels() == 1) pixels = pixels.toGrey();
        if (pixels.channels() != in.channels()) throw new InvalidInputException("training.error.shape", in.toString(), pixels.channels());
        float[] values = pixels.resized(in.height(), in.width()).data().clone();
        double mean = 0;
        for (float v : values) mean += v / 255.0;
        boolean invert = mean / values.length > 0.5;
        for (int i = 0; i < values.length; i++) values[i] = invert ? 1f - values[i] / 255f : values[i] / 255f;
        double[] p = runner.probabilities(model, values);
        List<Guess> guesses = new ArrayList<>();
        for (int c = 0; c < p.length; c++) guesses.add(new Guess(model.classes().get(c), p[c]));
        guesses.sort((a, b) -> Double.compare(b.probability(), a.probability()));
        return guesses;
    }

    private TrainedModel model(StudentId student, ModelRef ref) {
        if (ref.savedId() != null) return store.load(student, ref.savedId());
        return training.trained(student, ref.jobId()).orElseThrow(() -> new InvalidInputException("training.error.noModel"));
    }

    /** Saves the model a finished run learned to the student's list. */
    public ModelStore.Saved save(StudentId student, long jobId, String name) {
        return store.save(student, model(student, ModelRef.job(jobId)), name);
    }

    public List<ModelStore.Saved> savedModels(StudentId student) {
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

    public long maxModelFileBytes() {
        return store.limits().maxFileBytes();
    }

    public void pause(StudentId student, long jobId, boolean pause) {
        training.pause(student, jobId, pause);
    }

    public List<String> datasets() {
        return catalog.ids();
    }

    public DatasetClasses classes(String dataset) {
        var source = catalog.source(dataset);
        return new DatasetClasses(source.classes(), source.defaultClasses(), source.maxPerClass());
    }

    public Preview preview(Choice c) {
        LabelledImages data = catalog.load(c.dataset(), c.classes(), c.perClass(), c.seed());
        List<byte[]> thumbnails = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int i = 0; i < Math.min(20, data.size()); i++) {
            float[] values = new float[data.imageSize()];
            for (int p = 0; p < values.length; p++) values[p] = data.pixels()[i * data.imageSize() + p] * 255f;
            thumbnails.add(PngEncoder.encode(new PixelImage(data.channels(), data.height(), data.width(), values)));
            classes.add(data.labels()[i]);
        }
        return new Preview(data.classes(), data.classCounts(), thumbnails, classes,
                TensorShape.image(data.channels(), data.height(), data.width()));
    }

    public TrainingProgress start(StudentId student, Choice c) {
        LabelledImages data = catalog.load(c.dataset(), c.classes(), c.perClass(), c.seed());
        TensorShape shape = TensorShape.image(data.channels(), data.height(), data.width());
        NetworkSpec network = switch (c.network()) {
            case "builder" -> designs.current(student).spec();
            default -> {
                try {
                    yield StarterNetworks.valueOf(c.network()).spec(shape, data.classes().size());
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("training.error.network");
                }
            }
        };
        return training.submit(new TrainingRequest(student, network, data, c.optimizer(), c.batchSize(), c.epochs(),
                c.validationSplit(), c.seed(), c.network()));
    }

    public void stop(StudentId student, long jobId) {
        training.cancel(student, jobId);
    }

    public Runnable watch(long jobId, java.util.function.Consumer<TrainingProgress> watcher) {
        return training.watch(jobId, watcher);
    }

    /** The student's finished runs, to compare side by side. */
    public List<TrainingProgress> finished(StudentId student) {
        return training.finished(student);
    }

    public java.util.Optional<TrainingProgress> latest(StudentId student) {
        return training.latest(student);
    }
}
