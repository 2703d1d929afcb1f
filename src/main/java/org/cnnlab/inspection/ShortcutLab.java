package org.cnnlab.inspection;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.cnnlab.base.BackgroundThreads;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.dataset.ShortcutImages;
import org.cnnlab.inspection.saliency.Lime;
import org.cnnlab.inspection.saliency.Occlusion;
import org.cnnlab.inspection.saliency.SaliencyRequest;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.StarterNetworks;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;
import org.springframework.stereotype.Service;

/**
 * The shortcut lab, "¿husky o lobo?": the starter CNN trained (through the class's training queue)
 * on {@link ShortcutImages} with biased or mixed backgrounds, then scored on a biased and a
 * counterfactual test set, and asked, method by method, how much of its explanation falls on the
 * background. A model that learned the snow instead of the animal scores well on the biased test,
 * badly on the counterfactual one, and its saliency sits on the background.
 */
@Service
public class ShortcutLab {

    public enum Variant { BIASED, MIXED }

    /**
     * What a trained variant does: accuracy on both test sets and, per method, the share of
     * attribution on the background, explaining the class it predicted for counterfactual images.
     * The background covers most of each image ({@code backgroundArea}), so the page also gives the
     * attribution per background pixel over the attribution per animal pixel ({@link #backgroundDensity}):
     * 1 means the method sees no difference between animal and background, below 1 it looks at the animal.
     */
    public record Result(Variant variant, long jobId, double biasedAccuracy, double counterfactualAccuracy,
                         Map<Saliency.Method, Double> backgroundShare, double backgroundArea) {

        public double backgroundDensity(Saliency.Method m) {
            double share = backgroundShare.get(m);
            return (share / backgroundArea) / ((1 - share) / (1 - backgroundArea));
        }
    }

    public static final List<Saliency.Method> METHODS = List.of(Saliency.Method.VANILLA, Saliency.Method.SMOOTHGRAD,
            Saliency.Method.INTEGRATED_GRADIENTS, Saliency.Method.OCCLUSION, Saliency.Method.GRAD_CAM, Saliency.Method.LIME);
    static final int PER_CLASS = 500;
    static final int EPOCHS = 8;
    private static final int EXPLAINED = 12;

    private final TrainingService training;
    private final ModelRunner runner;
    private final ExecutorService evaluations = Executors.newSingleThreadExecutor(
            BackgroundThreads.named("cnnlab-shortcut"));
    private final SaliencyService saliency;
    private final ShortcutImages.Set biasedTest = ShortcutImages.generate(100, ShortcutImages.Backgrounds.BIASED, 8);
    private final ShortcutImages.Set counterfactualTest = ShortcutImages.generate(100, ShortcutImages.Backgrounds.COUNTERFACTUAL, 9);

    public ShortcutLab(TrainingService training, ModelRunner runner, SaliencyService saliency) {
        this.training = training;
        this.runner = runner;
        this.saliency = saliency;
    }

    /** A few images of each set, as PNGs: biased training images first, then counterfactual test images. */
    public List<byte[]> examples(int each) {
        List<byte[]> out = new ArrayList<>();
        for (ShortcutImages.Set set : List.of(ShortcutImages.generate(each, ShortcutImages.Backgrounds.BIASED, 7), counterfactualTest)) {
            LabelledImages d = set.images();
            for (int i = 0; i < Math.min(2 * each, d.size()); i++) out.add(d.png(i));
        }
        return out;
    }

    /** One counterfactual test image (an animal on the "wrong" background), as a PNG. */
    public byte[] counterfactualExample(long seed) {
        LabelledImages d = counterfactualTest.images();
        return d.png((int) Math.floorMod(seed, d.size()));
    }

    /** Queues the starter CNN on this variant's training images (seeded); the run is a normal job of the student's. */
    public TrainingProgress train(StudentId student, Variant variant) {
        ShortcutImages.Set data = ShortcutImages.generate(PER_CLASS,
                variant == Variant.BIASED ? ShortcutImages.Backgrounds.BIASED : ShortcutImages.Backgrounds.MIXED, 7);
        NetworkSpec cnn = StarterNetworks.SMALL_CNN.spec(TensorShape.image(3, ShortcutImages.SIDE, ShortcutImages.SIDE), 2);
        return training.submit(new TrainingRequest(student, cnn, data.images(), OptimizerSpec.adam(0.002), 32, EPOCHS, 0.2, 7,
                "SHORTCUT_" + variant.name(), biasedTest.images()));
    }

    /** {@link #evaluate} off the caller's thread (a few seconds of saliency maps); one at a time for the whole server. */
    public CompletableFuture<Result> evaluateLater(StudentId student, long jobId, Variant variant) {
        return CompletableFuture.supplyAsync(() -> evaluate(student, jobId, variant), evaluations);
    }

    @PreDestroy
    public void close() {
        evaluations.shutdownNow();
    }

    /** The settings each method is measured with here: 4-pixel patches for the 28×28 pictures; LIME on superpixels, as in the lecture's husky figure. */
    private static SaliencyRequest request(Saliency.Method m, int c) {
        return switch (m) {
            case OCCLUSION -> new Occlusion(c, 4, 2);
            case LIME -> new Lime(c, 300, 4, 0.25, Lime.Segments.SUPERPIXELS, 1);
            default -> SaliencyRequest.of(m, c);   // SmoothGrad 25 samples at σ = 0.15, IG 25 steps, as the form's defaults
        };
    }

    /** Scores a finished shortcut run on both test sets and measures where each method's attribution falls. */
    public Result evaluate(StudentId student, long jobId, Variant variant) {
        TrainedModel model = training.trained(student, jobId).orElseThrow(() -> new InvalidInputException("training.error.noModel"));
        LabelledImages cf = counterfactualTest.images();
        Map<Saliency.Method, Double> shares = new LinkedHashMap<>();
        long backgroundPixels = 0;
        long allPixels = 0;
        for (Saliency.Method m : METHODS) {
            double background = 0;
            double all = 0;
            for (int i = 0; i < EXPLAINED; i++) {
                float[] x = cf.image(i);
                double[] probabilities = runner.probabilities(model, x);
                int predicted = probabilities[1] > probabilities[0] ? 1 : 0;   // "why did you say wolf?"
                Saliency s = saliency.saliency(model, x, request(m, predicted));
                boolean[] foreground = counterfactualTest.foreground()[i];
                for (int p = 0; p < s.map().length; p++) {
                    all += Math.abs(s.map()[p]);
                    if (!foreground[p]) background += Math.abs(s.map()[p]);
                    if (m == METHODS.getFirst()) {
                        allPixels++;
                        if (!foreground[p]) backgroundPixels++;
                    }
                }
            }
            shares.put(m, all == 0 ? Double.NaN : background / all);
        }
        return new Result(variant, jobId, runner.accuracy(model, biasedTest.images()), runner.accuracy(model, cf), shares,
                (double) backgroundPixels / allPixels);
    }
}
