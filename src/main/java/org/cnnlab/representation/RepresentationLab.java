package org.cnnlab.representation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.inspection.InspectionService;
import org.cnnlab.inspection.OpenNetwork;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;
import org.springframework.stereotype.Service;

/**
 * The change-of-representation lesson: a linear classifier on hand-made features φ(x₁, x₂), and a
 * small MLP that learns its own representation from (x₁, x₂). Both train through the class's
 * {@link TrainingService} (a point is a 1×1 "image" with one channel per feature; features are
 * standardised to mean 0 and deviation 1 on the training points), are scored on a fresh test set of
 * the same kind, and come back with pictures: the decision regions in the input plane, in the
 * feature plane when φ has two coordinates, and in the MLP's last hidden layer.
 */
@Service
public class RepresentationLab {

    /** The MLP whose last hidden layer has two units, so its representation can be drawn: 2 → 16 tanh → 2 tanh → 2. */
    public static final int HIDDEN_LAYER = 4;   // index of the second Tanh in the layer list below
    static final int EPOCHS = 40;
    private static final List<String> CLASSES = List.of("0", "1");

    /** What a fit gives the page: accuracies and three pictures (null where there is none to draw). */
    public record Fit(List<Feature> features, boolean mlp, double trainAccuracy, double testAccuracy, byte[] inputPlane, byte[] featurePlane,
                      byte[] hiddenPlane, int points) {
    }

    private final TrainingService training;
    private final InspectionService inspection;
    private final RepresentationLimits limits;

    public RepresentationLab(TrainingService training, InspectionService inspection, RepresentationLimits limits) {
        this.training = training;
        this.inspection = inspection;
        this.limits = limits;
    }

    public RepresentationLimits limits() {
        return limits;
    }

    public PointSet points(PointSet.Kind kind, int n, double noise, long seed) {
        return PointSet.generate(kind, n, noise, seed, limits.maxPoints());
    }

    /** The held-out points for a training set made with {@code seed}: the same kind, size and noise, another seed. */
    public PointSet testPoints(PointSet.Kind kind, int n, double noise, long seed) {
        return points(kind, n, noise, seed + 1000);
    }

    /** A linear classifier (softmax regression) on φ(x); the future completes when the run ends. */
    public CompletableFuture<Fit> linear(StudentId student, PointSet train, PointSet test, List<Feature> phi, long seed,
                                         Consumer<TrainingProgress> progress) {
        if (phi.isEmpty()) throw new InvalidInputException("representation.error.noFeatures");
        NetworkSpec net = NetworkSpec.of(TensorShape.image(phi.size(), 1, 1), new LayerSpec.Flatten(), new LayerSpec.Dense(2));
        return fit(student, train, test, List.copyOf(phi), net, false, seed, progress);
    }

    /** The MLP on (x₁, x₂) itself: it has to find its own φ. */
    public CompletableFuture<Fit> mlp(StudentId student, PointSet train, PointSet test, long seed, Consumer<TrainingProgress> progress) {
        NetworkSpec net = NetworkSpec.of(TensorShape.image(2, 1, 1), new LayerSpec.Flatten(), new LayerSpec.Dense(16),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.TANH), new LayerSpec.Dense(2), new LayerSpec.Activation(LayerSpec.Activation.Kind.TANH),
                new LayerSpec.Dense(2));
        return fit(student, train, test, List.of(Feature.X1, Feature.X2), net, true, seed, progress);
    }

    private CompletableFuture<Fit> fit(StudentId student, PointSet train, PointSet test, List<Feature> phi, NetworkSpec net, boolean mlp, long seed,
                                       Consumer<TrainingProgress> progress) {
        Standardised s = Standardised.of(phi, train);
        LabelledImages trainData = new LabelledImages("points", CLASSES, phi.size(), 1, 1, s.apply(train.x1(), train.x2()), train.labels());
        LabelledImages testData = new LabelledImages("points-test", CLASSES, phi.size(), 1, 1, s.apply(test.x1(), test.x2()), test.labels());
        TrainingProgress queued = training.submit(new TrainingRequest(student, net, trainData, OptimizerSpec.adam(0.03), 16, EPOCHS, 0, seed,
                mlp ? "MLP" : "linear", testData));
        CompletableFuture<Fit> done = new CompletableFuture<>();
        Runnable[] stop = new Runnable[1];
        AtomicBoolean finishing = new AtomicBoolean();
        stop[0] = training.watch(queued.jobId(), p -> {
            try {
                progress.accept(p);
            } catch (RuntimeException e) {
                // a page that went away: the result still completes
            }
            if (!p.finished() || !finishing.compareAndSet(false, true)) return;
            CompletableFuture.runAsync(() -> {   // the pictures off the class's training worker
                try {
                    if (p.state() != TrainingProgress.State.DONE) {
                        throw new InvalidInputException("representation.error.training." + p.state().name().toLowerCase(Locale.ROOT));
                    }
                    TrainedModel model = training.trained(student, p.jobId()).orElseThrow();
                    done.complete(pictures(model, s, train, p.heldOutAccuracy(), mlp));   // the run scored the test points once, at its end
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                }
            });
        });
        return done.whenComplete((f, e) -> {
            if (stop[0] != null) stop[0].run();
        });
    }

    private Fit pictures(TrainedModel model, Standardised s, PointSet train, double testAccuracy, boolean mlp) {
        Bounds plane = Bounds.around(train.x1(), train.x2());
        int side = PointPicture.SIDE;
        float[] g1 = new float[side * side];
        float[] g2 = new float[side * side];
        plane.grid(g1, g2);
        try (OpenNetwork loaded = inspection.subject(model).open()) {
            double trainAccuracy = accuracy(classes(loaded, s.apply(train.x1(), train.x2()), s.phi().size()), train.labels());
            byte[] input = PointPicture.render(classes(loaded, s.apply(g1, g2), s.phi().size()), plane, train.x1(), train.x2(), train.labels());
            byte[] features = null;
            if (s.phi().size() == 2 && !mlp) {   // the same points and boundary where the classifier works: the φ plane (standardised)
                float[] z = s.apply(train.x1(), train.x2());
                float[] z1 = new float[train.size()];
                float[] z2 = new float[train.size()];
                for (int i = 0; i < train.size(); i++) {
                    z1[i] = z[2 * i];
                    z2[i] = z[2 * i + 1];
                }
                Bounds fp = Bounds.around(z1, z2);
                float[] f1 = new float[side * side];
                float[] f2 = new float[side * side];
                fp.grid(f1, f2);
                features = PointPicture.render(classes(loaded, interleave(f1, f2), 2), fp, z1, z2, train.labels());
            }
            byte[] hidden = null;
            if (mlp) {   // the points where the MLP's last hidden layer puts them, and the output layer's boundary there
                float[] h = layers(loaded, s.apply(train.x1(), train.x2()), 2, 0, HIDDEN_LAYER + 1);
                float[] h1 = new float[train.size()];
                float[] h2 = new float[train.size()];
                for (int i = 0; i < train.size(); i++) {
                    h1[i] = h[2 * i];
                    h2[i] = h[2 * i + 1];
                }
                Bounds hp = new Bounds(-1.1, 1.1, -1.1, 1.1);   // tanh
                float[] q1 = new float[side * side];
                float[] q2 = new float[side * side];
                hp.grid(q1, q2);
                float[] z = layers(loaded, interleave(q1, q2), 2, HIDDEN_LAYER + 1, loaded.depth());
                hidden = PointPicture.render(argmax(z), hp, h1, h2, train.labels());
            }
            return new Fit(s.phi(), mlp, trainAccuracy, testAccuracy, input, features, hidden, train.size());
        }
    }

    private static int[] classes(OpenNetwork net, float[] features, int d) {
        return argmax(layers(net, features, d, 0, net.depth()));
    }

    /** Layers {@code from} … {@code to − 1} of the network on n inputs of d values (flattened), their outputs flattened. */
    private static float[] layers(OpenNetwork net, float[] values, int d, int from, int to) {
        int n = values.length / d;
        try (NDManager scope = net.scope()) {
            NDArray a = from == 0 ? scope.create(values, new Shape(n, d, 1, 1)) : scope.create(values, new Shape(n, d));
            return net.layers(a, from, to).toFloatArray();
        }
    }

    private static int[] argmax(float[] logits) {
        int[] out = new int[logits.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = logits[2 * i + 1] > logits[2 * i] ? 1 : 0;
        return out;
    }

    private static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) right++;
        return (double) right / labels.length;
    }

    private static float[] interleave(float[] a, float[] b) {
        float[] out = new float[a.length * 2];
        for (int i = 0; i < a.length; i++) {
            out[2 * i] = a[i];
            out[2 * i + 1] = b[i];
        }
        return out;
    }

    /** φ, then each feature on the training points' scale ({@link Standardisation}). */
    record Standardised(List<Feature> phi, Standardisation scale) {
        static Standardised of(List<Feature> phi, PointSet train) {
            return new Standardised(phi, Standardisation.of(Feature.apply(phi, train.x1(), train.x2()), phi.size()));
        }

        float[] apply(float[] x1, float[] x2) {
            return scale.apply(Feature.apply(phi, x1, x2));
        }
    }
}
