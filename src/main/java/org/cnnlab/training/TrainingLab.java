package org.cnnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DataHeader;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.dataset.OwnClasses;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.MapRenderer;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.models.ModelRef;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.models.TrainingRecord;
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

    /** The form: data set and size, network, optimiser and schedule. */
    public record Choice(String dataset, List<String> classes, int perClass, NetworkChoice network, OptimizerSpec optimizer, int batchSize,
                         int epochs, double validationSplit, long seed) {
        public Choice {
            classes = List.copyOf(classes);
        }
    }

    /** Which network to train: a starter network, or the student's current design in the builder. */
    public sealed interface NetworkChoice {
        /** The three starter networks, then the student's design: the order the form lists them in. */
        List<NetworkChoice> ALL = List.of(new Starter(StarterNetworks.SMALL_CNN), new Starter(StarterNetworks.GAP_CNN), new Starter(StarterNetworks.MLP),
                new Design());

        /** The name a run records and the labels are keyed by ({@code training.network.<id in lower case>}). */
        String id();

        record Starter(StarterNetworks network) implements NetworkChoice {
            public String id() {
                return network.name();
            }
        }

        record Design() implements NetworkChoice {
            public String id() {
                return "builder";
            }
        }
    }

    /** A data set's classes for the picker: all it offers, the ones chosen by default, and at most how many images each has. */
    public record DatasetClasses(List<String> all, List<String> defaults, int maxPerClass) {
    }

    /** A few example images as PNGs with their class, and how many images each class has. */
    public record Preview(List<String> classes, int[] counts, List<byte[]> thumbnails, List<Integer> thumbnailClasses, TensorShape shape) {
    }

    private final DatasetCatalog catalog;
    private final TrainingService training;
    private final NetworkDesignService designs;
    private final ModelRunner runner;
    private final ImageDecoder decoder;
    private final StudentModels models;
    private final OwnClasses own;

    public TrainingLab(DatasetCatalog catalog, TrainingService training, NetworkDesignService designs, ModelRunner runner,
                       ImageDecoder decoder, StudentModels models, OwnClasses own) {
        this.models = models;
        this.own = own;
        this.catalog = catalog;
        this.training = training;
        this.designs = designs;
        this.runner = runner;
        this.decoder = decoder;
    }

    /** The leaderboard's held-out images: the same for every student who trained on the same data set and classes. */
    static final int LEADERBOARD_PER_CLASS = 50;
    static final long LEADERBOARD_SEED = 20_261_126L;

    /**
     * A finished run for the class gallery: its confusion matrix as a picture (rows: true class,
     * each row scaled to its own count) and its accuracy on the leaderboard's held-out images — the
     * data set's test images (fresh ones for generated sets), {@value #LEADERBOARD_PER_CLASS} per
     * class, one fixed seed — so every entry of a data set and class list is scored on the same
     * images. Sets without test images (the student's own classes) are shown but not ranked.
     */
    public ClassRoom.Submission submission(StudentId student, long jobId) {
        TrainedModel model = models.model(student, ModelRef.job(jobId));
        int[][] confusion = training.progress(jobId).confusion();
        if (confusion == null) throw new InvalidInputException("training.error.noModel");
        int k = confusion.length;
        float[] rows = new float[k * k];
        for (int t = 0; t < k; t++) {
            int total = Arrays.stream(confusion[t]).sum();
            for (int q = 0; q < k; q++) rows[t * k + q] = total == 0 ? 0 : (float) confusion[t][q] / total;
        }
        byte[] png = MapRenderer.render(rows, k, k, Colormap.VIRIDIS, 1.0).png();
        TrainingRecord r = model.record();
        Double board = leaderboardImages(r.dataset(), model.classes()).map(test -> {
            float[][] p = runner.probabilities(model, test);
            int right = 0;
            for (int i = 0; i < p.length; i++) if (ModelRunner.argMax(p[i]) == test.labels()[i]) right++;
            return (double) right / p.length;
        }).orElse(null);
        String detail = r.network() + " · " + r.epochs() + " ep · " + (r.onTestSet() ? "test " : "val ")
                + String.format(Locale.ROOT, "%.1f %%", r.heldOutAccuracy() * 100);
        return new ClassRoom.Submission(ClassRoom.Submission.Kind.MODEL, r.dataset() + " · " + String.join(", ", model.classes()),
                detail, png, board);
    }

    private Optional<LabelledImages> leaderboardImages(String dataset, List<String> classes) {
        try {
            return catalog.test(dataset, classes, LEADERBOARD_PER_CLASS, LEADERBOARD_SEED);
        } catch (RuntimeException e) {
            return Optional.empty();   // no such catalog set (own classes, a lesson's generated set): not ranked
        }
    }

    public long maxImageBytes() {
        return decoder.limits().maxUploadBytes();
    }

    public void pause(StudentId student, long jobId, boolean pause) {
        training.pause(student, jobId, pause);
    }

    /** Every data set, the student's own classes last. */
    public List<String> datasets() {
        List<String> ids = new ArrayList<>(catalog.ids());
        ids.add(OwnClasses.ID);
        return ids;
    }

    /** One of the student's own classes: its name, how many examples, and the latest ones as PNG thumbnails. */
    public record OwnClassSummary(String name, int examples, List<byte[]> thumbnails) {
    }

    public List<OwnClassSummary> ownClasses(StudentId student) {
        return own.list(student).stream().map(c -> {
            List<float[]> latest = c.examples().subList(Math.max(0, c.examples().size() - 12), c.examples().size());
            return new OwnClassSummary(c.name(), c.examples().size(),
                    latest.stream().map(e -> PngEncoder.encode(PixelImage.fromUnit(1, OwnClasses.SIDE, OwnClasses.SIDE, e))).toList());
        }).toList();
    }

    public void addOwnClass(StudentId student, String name) {
        own.addClass(student, name);
    }

    public void removeOwnClass(StudentId student, String name) {
        own.removeClass(student, name);
    }

    public void addOwnExample(StudentId student, String className, byte[] image) {
        own.addExample(student, className, image);
    }

    /**
     * What a run of the form trains on, as a description (its images are made when the run starts):
     * the chosen classes, and held-out test images a quarter as many per class as it trains on (at
     * least 5) — the data set's own test files or fresh images; the student's own classes have none,
     * and the validation images stand in.
     */
    private TrainingData trainingData(StudentId student, Choice c) {
        checkPerClass(c);
        if (OwnClasses.ID.equals(c.dataset())) return new TrainingData.Own(own.examples(student), c.perClass(), c.seed());
        return TrainingData.catalog(catalog, c.dataset(), c.classes(), c.perClass(), Math.max(5, c.perClass() / 4), c.seed());
    }

    private static void checkPerClass(Choice c) {
        if (c.perClass() < 2 || c.perClass() > DatasetCatalog.MAX_PER_CLASS) {
            throw new InvalidInputException("dataset.error.perClass", 2, DatasetCatalog.MAX_PER_CLASS);
        }
    }

    private LabelledImages data(StudentId student, Choice c) {
        if (OwnClasses.ID.equals(c.dataset())) {
            checkPerClass(c);
            return own.dataset(student, c.perClass(), c.seed());
        }
        return catalog.load(c.dataset(), c.classes(), c.perClass(), c.seed());
    }

    public DatasetClasses classes(String dataset) {
        if (OwnClasses.ID.equals(dataset)) return new DatasetClasses(List.of(), List.of(), DatasetCatalog.MAX_PER_CLASS);
        var source = catalog.source(dataset);
        return new DatasetClasses(source.classes(), source.defaultClasses(), source.maxPerClass());
    }

    public Preview preview(StudentId student, Choice c) {
        LabelledImages data = data(student, c);
        List<byte[]> thumbnails = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int i = 0; i < Math.min(20, data.size()); i++) {
            thumbnails.add(data.png(i));
            classes.add(data.labels()[i]);
        }
        return new Preview(data.classes(), data.classCounts(), thumbnails, classes,
                TensorShape.image(data.channels(), data.height(), data.width()));
    }

    public TrainingProgress start(StudentId student, Choice c) {
        TrainingData data = trainingData(student, c);
        DataHeader header = data.header();
        TensorShape shape = TensorShape.image(header.channels(), header.height(), header.width());
        NetworkSpec network = switch (c.network()) {
            case NetworkChoice.Design d -> designs.current(student).spec();
            case NetworkChoice.Starter(StarterNetworks n) -> n.spec(shape, header.classes().size());
        };
        return training.submit(new TrainingRequest(student, network, data, c.optimizer(), c.batchSize(), c.epochs(),
                c.validationSplit(), c.seed(), c.network().id()));
    }

    /**
     * The lecture's comparison in one click: an MLP, a CNN ending in Flatten + Dense and a CNN ending
     * in global average pooling, trained one after the other on the same data with the same settings.
     */
    public TrainingProgress compare(StudentId student, Choice c) {
        TrainingData data = trainingData(student, c);
        DataHeader header = data.header();
        TensorShape shape = TensorShape.image(header.channels(), header.height(), header.width());
        List<TrainingRequest> runs = new ArrayList<>();
        for (StarterNetworks n : List.of(StarterNetworks.MLP, StarterNetworks.SMALL_CNN, StarterNetworks.GAP_CNN)) {
            runs.add(new TrainingRequest(student, n.spec(shape, header.classes().size()), data, c.optimizer(), c.batchSize(), c.epochs(),
                    c.validationSplit(), c.seed(), n.name()));
        }
        return training.submitSeries(runs).getFirst();
    }

    public void stop(StudentId student, long jobId) {
        training.cancel(student, jobId);
    }

    public Runnable watch(long jobId, Consumer<TrainingProgress> watcher) {
        return training.watch(jobId, watcher);
    }

    /** The classes a run of the student's learned, in the order of its outputs (its confusion matrix's rows). */
    public List<String> runClasses(StudentId student, long jobId) {
        return models.classes(student, ModelRef.job(jobId));
    }

    /** The student's finished runs, to compare side by side. */
    public List<TrainingProgress> finished(StudentId student) {
        return training.finished(student);
    }

    public Optional<TrainingProgress> latest(StudentId student) {
        return training.latest(student);
    }
}
