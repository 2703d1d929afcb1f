package org.cnnlab.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.StudentId;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.training.TrainingLimits;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The shortcut lab, seeded, end to end: the biased model learns the snow; the mixed one learns the animal. */
class ShortcutLabIT {

    private static final NetworkFactory FACTORY = new NetworkFactory(NetworkLimits.defaults());
    private static final TrainingService TRAINING = new TrainingService(TrainingLimits.defaults(), FACTORY, NetworkLimits.defaults());
    private static final ModelRunner RUNNER = new ModelRunner(FACTORY);
    private static final ShortcutLab LAB = new ShortcutLab(TRAINING, RUNNER, new SaliencyService(RUNNER, SaliencyLimits.defaults()));

    @AfterAll
    static void stop() {
        TRAINING.close();
    }

    private static ShortcutLab.Result trainAndEvaluate(ShortcutLab.Variant variant) throws Exception {
        StudentId student = StudentId.random();
        long job = LAB.train(student, variant).jobId();
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        TRAINING.watch(job, p -> {
            if (p.finished()) done.complete(p);
        });
        assertThat(done.get(300, TimeUnit.SECONDS).state()).isEqualTo(TrainingProgress.State.DONE);
        return LAB.evaluate(student, job, variant);
    }

    @Test
    void the_biased_model_fails_the_counterfactual_test_and_looks_at_the_background() throws Exception {
        ShortcutLab.Result biased = trainAndEvaluate(ShortcutLab.Variant.BIASED);
        ShortcutLab.Result mixed = trainAndEvaluate(ShortcutLab.Variant.MIXED);
        System.out.printf("shortcut lab: biased model %.3f on the biased test, %.3f on the counterfactual one; mixed model %.3f / %.3f%n",
                biased.biasedAccuracy(), biased.counterfactualAccuracy(), mixed.biasedAccuracy(), mixed.counterfactualAccuracy());
        System.out.printf("background share of attribution (background is %.0f %% of the pixels): biased %s, mixed %s%n",
                100 * biased.backgroundArea(), biased.backgroundShare(), mixed.backgroundShare());
        assertThat(biased.biasedAccuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(biased.counterfactualAccuracy()).isLessThanOrEqualTo(0.65);
        assertThat(mixed.counterfactualAccuracy()).isGreaterThanOrEqualTo(0.90);
        for (Saliency.Method m : ShortcutLab.METHODS) {
            System.out.printf("  %-22s background share %.2f vs %.2f; per-pixel density background/animal %.2f vs %.2f%n", m,
                    biased.backgroundShare().get(m), mixed.backgroundShare().get(m), biased.backgroundDensity(m), mixed.backgroundDensity(m));
        }
        // the background covers most of the image, so its raw share cannot double; per pixel, the biased model looks at it far more
        assertThat(biased.backgroundShare().get(Saliency.Method.VANILLA)).isGreaterThan(mixed.backgroundShare().get(Saliency.Method.VANILLA));
        assertThat(biased.backgroundDensity(Saliency.Method.VANILLA)).isGreaterThanOrEqualTo(2 * mixed.backgroundDensity(Saliency.Method.VANILLA));
        assertThat(biased.backgroundDensity(Saliency.Method.GRAD_CAM)).isGreaterThanOrEqualTo(2 * mixed.backgroundDensity(Saliency.Method.GRAD_CAM));
    }
}
