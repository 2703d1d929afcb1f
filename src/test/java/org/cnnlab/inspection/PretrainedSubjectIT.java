package org.cnnlab.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.imaging.NetworkInput;
import org.cnnlab.inspection.saliency.VanillaGradient;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.network.Budget;
import org.cnnlab.network.BudgetLimits;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.pretrained.NanoDet;
import org.cnnlab.pretrained.PretrainedService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pretrained NanoDet as the inspection page opens it, on Debian darknet's dog photo: its class
 * score is the logit of the best position's score, as the service finds it in the raw outputs; every
 * stage shows; the input gradient of that score equals central finite differences where it is largest
 * (this found the feature pyramid's upsampling cutting the gradient: its output was a detached copy).
 */
class PretrainedSubjectIT {

    private static DjlRuntime djl;
    private static PretrainedService service;
    private static PretrainedSubject subject;
    private static float[] dog;

    @BeforeAll
    static void open() throws Exception {
        djl = new DjlRuntime();
        service = new PretrainedService(djl);
        subject = new PretrainedSubject(service, new Budget(BudgetLimits.defaults()));
        byte[] jpeg = Files.readAllBytes(Path.of(System.getenv().getOrDefault("CNNLAB_DARKNET_DATA", "/usr/share/darknet/data"), "dog.jpg"));
        dog = NetworkInput.of(new ImageDecoder(ImageLimits.defaults()).decode(jpeg).image(), 3, NanoDet.SIDE, NanoDet.SIDE);
    }

    @AfterAll
    static void close() {
        service.close();
        djl.close();
    }

    private static float score(float[] x, int c) {
        try (OpenNetwork net = subject.open(); NDManager s = net.scope(); Autograd.Held off = Autograd.withoutGradients()) {
            return net.logits(s.create(x, new Shape(1, 3, NanoDet.SIDE, NanoDet.SIDE))).getFloat(0, c);
        }
    }

    @Test
    void the_class_score_is_the_logit_of_the_best_positions_score_and_every_stage_shows() {
        List<PretrainedService.ClassScore> top = service.topClasses(service.outputs(dog), 3);
        assertThat(top).extracting(PretrainedService.ClassScore::label).contains("dog", "bicycle");
        for (PretrainedService.ClassScore t : top) {
            double logit = Math.log(t.score() / (1.0 - t.score()));
            assertThat((double) score(dog, t.index())).as(t.label()).isCloseTo(logit, within(1e-4));
        }
        try (OpenNetwork net = subject.open(); NDManager s = net.scope(); Autograd.Held off = Autograd.withoutGradients()) {
            OpenNetwork.Insides in = net.insides(s.create(dog, new Shape(1, 3, NanoDet.SIDE, NanoDet.SIDE)));
            assertThat(in.layers()).hasSize(PretrainedSubject.STAGES.size());
            int side = NanoDet.SIDE / 2;
            for (OpenNetwork.Named layer : in.layers()) {
                long[] shape = layer.value().getShape().getShape();
                assertThat(shape).as(layer.name()).hasSize(4);
                assertThat(shape[2]).as(layer.name() + ": (1, C, H, W), halving from 208").isEqualTo(side);
                side /= 2;
            }
        }
    }

    @Test
    void the_input_gradient_of_the_dog_score_equals_finite_differences_where_it_is_largest() {
        int c = service.model().labels().indexOf("dog");
        float[] g;
        try (OpenNetwork net = subject.open(); NDManager s = net.scope()) {
            NDArray x = s.create(dog, new Shape(1, 3, NanoDet.SIDE, NanoDet.SIDE));
            x.setRequiresGradient(true);
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = s.getEngine().newGradientCollector()) {
                collector.backward(net.logits(x).get(":, " + c).sum());
            }
            g = x.getGradient().toFloatArray();
        }
        float[] gradient = g;
        List<Integer> largest = IntStream.range(0, g.length).boxed().sorted(Comparator.comparingDouble(i -> -Math.abs(gradient[i]))).limit(4).toList();
        double eps = 1e-3;   // at 1e-2 the LeakyReLU kinks put some differences 13 % off; at 1e-3 all four were within 1 %
        for (int i : largest) {
            float[] up = dog.clone();
            float[] down = dog.clone();
            up[i] += (float) eps;
            down[i] -= (float) eps;
            double fd = (score(up, c) - score(down, c)) / (2 * eps);
            System.out.printf("pixel value %d: ∂S/∂x %.5f, finite difference %.5f%n", i, g[i], fd);
            assertThat(fd).as("value %d", i).isCloseTo(g[i], within(0.03 * Math.abs(g[i])));
        }
        // and the app's vanilla saliency reads the same gradient: its map is max over channels of |g|
        Saliency map = new SaliencyService(new ModelRunner(new NetworkFactory(NetworkLimits.defaults())), SaliencyLimits.defaults())
                .saliency(subject, dog, new VanillaGradient(c));
        int p = largest.getFirst() % (NanoDet.SIDE * NanoDet.SIDE);
        assertThat((double) map.map()[p]).isCloseTo(Math.abs(g[largest.getFirst()]), within(1e-4 * Math.abs(g[largest.getFirst()]) + 1e-6));
    }

    @Test
    void a_request_is_priced_from_the_models_measured_footprint_and_a_batch_over_the_budget_is_refused() {
        PretrainedService.Footprint f = service.footprint();
        long stages = 4L * (32L * 208 * 208 + 64L * 104 * 104 + 128L * 52 * 52 + 256L * 26 * 26 + 512L * 13 * 13);   // the five shown stages alone
        assertThat(f.activationBytesPerImage()).as("every node's output bytes for one image").isGreaterThan(stages);
        assertThat(f.parameterBytes()).as("float16 weights loaded as float32").isPositive();
        long budget = BudgetLimits.defaults().requestMemoryBytes();
        int fits = (int) ((budget - 2 * f.parameterBytes()) / (3 * f.activationBytesPerImage()));
        assertThat(fits).as("one image with its backward pass fits the default request budget").isGreaterThanOrEqualTo(1);
        subject.price(fits, 1, true);
        Assertions.assertThatThrownBy(() -> subject.price(fits + 1, 1, true))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("budget.error.requestMemory");
    }
}
