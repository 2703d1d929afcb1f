package org.cnnlab.representation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.MapRenderer;
import org.cnnlab.inspection.Inspection;
import org.cnnlab.inspection.InspectionService;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.cnnlab.representation.features.HandFeature;
import org.cnnlab.training.StarterNetworks;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;
import org.springframework.stereotype.Service;

/**
 * The classic pipeline next to representation learning: hand-made features of each image
 * ({@link HandFeature}, standardised) into a small classifier (one hidden layer of 32 ReLU units),
 * and the starter CNN on the pixels themselves, trained as one series through the class's
 * {@link TrainingService} on the same images and scored on the same held-out test images.
 */
@Service
public class ClassicPipeline {

    public static final int EPOCHS = 8;
    public static final int MAX_MISTAKES = 8;
    /** Images per class the page starts with. */
    public static final int DEFAULT_PER_CLASS = 200;
    /** Below this many percentage points between the two sides, the page calls it a tie. */
    public static final double TIE_POINTS = 1.0;

    /** One side of the comparison: its test accuracy, confusion matrix (rows true, columns predicted) and most confident mistakes. */
    public record Result(String name, double testAccuracy, int[][] confusion, List<Mistake> mistakes) {
    }

    public record Mistake(byte[] png, String trueClass, String predictedClass) {
    }

    /** Both sides, the classes, and the CNN's first-layer filters next to the hand-made Sobel and Laplacian kernels. */
    public record Comparison(List<String> classes, Result handMade, Result cnn, List<Inspection.Filter> learned, List<HandKernel> handKernels,
                             int trainImages, int testImages) {

        /** How many percentage points of test accuracy the CNN is ahead of the hand-made features (negative when behind). */
        public double cnnLeadPoints() {
            return 100 * (cnn.testAccuracy() - handMade.testAccuracy());
        }

        /** Who won, for the sentence that reads the result. */
        public Winner winner() {
            double lead = cnnLeadPoints();
            return Math.abs(lead) < TIE_POINTS ? Winner.TIE : lead > 0 ? Winner.CNN : Winner.HAND_MADE;
        }
    }

    public enum Winner {
        CNN, HAND_MADE, TIE
    }

    /** A hand-made kernel by name and as a picture. */
    public record HandKernel(KernelPreset preset, byte[] png) {
    }

    private final TrainingService training;
    private final ModelRunner runner;
    private final DatasetCatalog catalog;
    private final InspectionService inspection;

    public ClassicPipeline(TrainingService training, ModelRunner runner, DatasetCatalog catalog, InspectionService inspection) {
        this.training = training;
        this.runner = runner;
        this.catalog = catalog;
        this.inspection = inspection;
    }

    /**
     * The data set the page starts on: digits, where nobody can say which feature tells a 4 from a 9
     * and the CNN wins (the lesson's point); then drawings. Not the hard shapes, whose features were
     * made for exactly them and win at the default budget (ClassicPipelineIT prints both).
     */
    public String defaultDataset() {
        List<String> available = datasets();
        return available.stream().filter(List.of("mnist", "quickdraw")::contains).findFirst().orElse(available.getFirst());
    }

    /** The grey data sets the hand-made features are made for. */
    public List<String> datasets() {
        return catalog.ids().stream().filter(id -> List.of("shapes-easy", "shapes-hard", "mnist", "quickdraw").contains(id)
                && catalog.source(id).available()).toList();
    }

    public CompletableFuture<Comparison> compare(StudentId student, String dataset, int perClass, List<HandFeature> features, long seed,
                                                 Consumer<List<TrainingProgress>> progress) {
        if (features.isEmpty()) throw new InvalidInputException("representation.error.noFeatures");
        if (!datasets().contains(dataset)) throw new InvalidInputException("representation.error.dataset");
        List<String> classes = catalog.source(dataset).classes().subList(0, Math.min(10, catalog.source(dataset).classes().size()));
        LabelledImages train = catalog.load(dataset, classes, perClass, seed);
        LabelledImages test = catalog.test(dataset, classes, Math.max(10, perClass / 4), seed + 1)
                .orElseGet(() -> catalog.load(dataset, classes, Math.max(10, perClass / 4), seed + 1));
        if (train.channels() != 1) throw new InvalidInputException("representation.error.dataset");
        int d = features.stream().mapToInt(HandFeature::size).sum();
        Standardisation standard = Standardisation.of(HandFeature.extractAll(features, train.pixels(), train.size(), train.height(), train.width()), d);
        LabelledImages handTrain = new LabelledImages(dataset + "-features", classes, d, 1, 1,
                standard.apply(HandFeature.extractAll(features, train.pixels(), train.size(), train.height(), train.width())), train.labels());
        LabelledImages handTest = new LabelledImages(dataset + "-features-test", classes, d, 1, 1,
                standard.apply(HandFeature.extractAll(features, test.pixels(), test.size(), test.height(), test.width())), test.labels());
        NetworkSpec classifier = NetworkSpec.of(TensorShape.image(d, 1, 1), new LayerSpec.Flatten(), new LayerSpec.Dense(32),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.Dense(classes.size()));
        NetworkSpec cnn = StarterNetworks.SMALL_CNN.spec(TensorShape.image(1, train.height(), train.width()), classes.size());
        List<TrainingProgress> queued = training.submitSeries(List.of(
                new TrainingRequest(student, classifier, handTrain, OptimizerSpec.adam(0.01), 32, EPOCHS, 0.1, seed, "hand-made", handTest),
                new TrainingRequest(student, cnn, train, OptimizerSpec.adam(0.001), 32, EPOCHS, 0.1, seed, "CNN", test)));
        CompletableFuture<Comparison> done = new CompletableFuture<>();
        TrainingProgress[] latest = queued.toArray(new TrainingProgress[0]);
        AtomicBoolean finishing = new AtomicBoolean();
        List<Runnable> stops = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            int which = k;
            stops.add(training.watch(queued.get(k).jobId(), p -> {
                TrainingProgress[] both;
                synchronized (latest) {
                    latest[which] = p;
                    both = latest.clone();
                }
                try {
                    progress.accept(List.of(both));
                } catch (RuntimeException e) {
                    // a page that went away: the result still completes
                }
                if (!both[0].finished() || !both[1].finished() || !finishing.compareAndSet(false, true)) return;
                CompletableFuture.runAsync(() -> {   // scoring and pictures off the class's training worker
                    try {
                        for (TrainingProgress t : both) {
                            if (t.state() != TrainingProgress.State.DONE) throw new InvalidInputException("representation.error.training." + t.state().name().toLowerCase(Locale.ROOT));
                        }
                        done.complete(result(student, both, classes, handTest, test, train.size()));
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
            }));
        }
        return done.whenComplete((c, e) -> stops.forEach(Runnable::run));
    }

    private Comparison result(StudentId student, TrainingProgress[] runs, List<String> classes, LabelledImages handTest, LabelledImages test, int trainImages) {
        TrainedModel hand = training.trained(student, runs[0].jobId()).orElseThrow();
        TrainedModel cnn = training.trained(student, runs[1].jobId()).orElseThrow();
        Result handMade = scored("hand-made", runner, hand, handTest, test, classes);
        Result learned = scored("CNN", runner, cnn, test, test, classes);
        List<Inspection.Filter> filters = inspection.inspect(cnn, test.png(0)).filters();
        List<HandKernel> kernels = new ArrayList<>();
        for (KernelPreset k : List.of(KernelPreset.SOBEL_F1, KernelPreset.SOBEL_F1_TRANSPOSED, KernelPreset.LAPLACIAN_F2)) {
            float[] w = k.kernel(3).weights();
            kernels.add(new HandKernel(k, MapRenderer.render(w, 3, 3, Colormap.DIVERGING, MapRenderer.maxAbs(w)).png()));
        }
        return new Comparison(classes, handMade, learned, filters, kernels, trainImages, test.size());
    }

    /** Runs the model on its inputs and scores it against the images' labels; mistakes shown as the images, most confident first. */
    private static Result scored(String name, ModelRunner runner, TrainedModel model, LabelledImages inputs, LabelledImages images, List<String> classes) {
        int k = classes.size();
        int[][] confusion = new int[k][k];
        record Wrong(int index, int predicted, double confidence) {
        }
        List<Wrong> wrong = new ArrayList<>();
        float[][] p = runner.probabilities(model, inputs);
        for (int i = 0; i < inputs.size(); i++) {
            int best = ModelRunner.argMax(p[i]);
            confusion[inputs.labels()[i]][best]++;
            if (best != inputs.labels()[i]) wrong.add(new Wrong(i, best, p[i][best]));
        }
        wrong.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        List<Mistake> mistakes = wrong.stream().limit(MAX_MISTAKES)
                .map(w -> new Mistake(images.png(w.index()), classes.get(images.labels()[w.index()]), classes.get(w.predicted()))).toList();
        return new Result(name, TrainingProgress.accuracy(confusion), confusion, mistakes);
    }
}
