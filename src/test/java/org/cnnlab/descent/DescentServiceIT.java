package org.cnnlab.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The recap's optimisations with DJL autograd: gradients, known behaviour on surfaces, width, bad input. */
class DescentServiceIT {

    private static final DjlRuntime DJL = new DjlRuntime();
    private static final DescentService SERVICE = new DescentService(DJL);

    @AfterAll
    static void close() {
        SERVICE.close();
        DJL.close();
    }

    private static FitSettings optimiser(UpdateRule.Kind kind, double lr) {
        return FitSettings.defaults().withOptimizer(kind, lr);
    }

    @Test
    void the_mlp_gradient_is_the_mse_slope_by_finite_differences() {
        Mlp1D mlp = new Mlp1D(3, 2, Mlp1D.Activation.TANH);
        double[] theta = mlp.initial(4);
        double[][] d = Target.SINE.sample(10, 0.1, 2);
        double[] g = new double[theta.length];
        try (NDManager scope = DJL.newScope()) {
            double loss = mlp.lossAndGradient(scope, theta, d[0], d[1], g);
            assertThat(loss).isCloseTo(mlp.loss(scope, theta, d[0], d[1]), within(1e-5));
            for (int i = 0; i < theta.length; i += 3) {
                double[] plus = theta.clone();
                double[] minus = theta.clone();
                plus[i] += 1e-2;
                minus[i] -= 1e-2;
                double slope = (mlp.loss(scope, plus, d[0], d[1]) - mlp.loss(scope, minus, d[0], d[1])) / 2e-2;
                assertThat(g[i]).as("∂L/∂θ[%d]", i).isCloseTo(slope, within(2e-3));
            }
        }
    }

    @Test
    void the_loss_is_the_mean_squared_error_by_hand() {
        Mlp1D mlp = new Mlp1D(2, 1, Mlp1D.Activation.RELU);
        double[] theta = new double[mlp.parameterCount()];   // all zero: ŷ = 0 everywhere
        theta[theta.length - 1] = 0.5;                       // … except the output bias: ŷ = 0.5
        try (NDManager scope = DJL.newScope()) {
            // L = ((1 − 0.5)² + (−1 − 0.5)² + (0.5 − 0.5)²) / 3 = (0.25 + 2.25 + 0) / 3
            assertThat(mlp.loss(scope, theta, new double[] {0, 1, 2}, new double[] {1, -1, 0.5})).isCloseTo(2.5 / 3, within(1e-6));
            assertThat(mlp.parameterCount()).isEqualTo((2 * 1 + 2) + (1 * 2 + 1));
        }
    }

    @Test
    void on_a_convex_bowl_a_small_step_converges_and_a_too_large_one_diverges() {
        Trajectory small = SERVICE.descend(LossSurface.BOWL, -2.5, 1.5, optimiser(UpdateRule.Kind.GD, 0.05), 500);
        assertThat(small.divergedAt()).isEqualTo(-1);
        assertThat(small.last()[2]).isLessThan(1e-4);
        // curvature 10 along w₂: any η > 2/10 multiplies w₂ by |1 − 10η| > 1 each step
        Trajectory large = SERVICE.descend(LossSurface.BOWL, -2.5, 1.5, optimiser(UpdateRule.Kind.GD, 0.25), 500);
        assertThat(large.divergedAt()).isPositive();
    }

    @Test
    void on_the_double_well_plain_descent_stays_in_the_near_minimum_while_momentum_and_noise_reach_the_global_one() {
        Trajectory gd = SERVICE.descend(LossSurface.DOUBLE_WELL, 2, 1, optimiser(UpdateRule.Kind.GD, 0.01), 2000);
        assertThat(gd.last()[0]).as("GD ends at the local minimum w₁ ≈ 0.96").isCloseTo(0.96, within(0.05));
        Trajectory momentum = SERVICE.descend(LossSurface.DOUBLE_WELL, 2, 1, optimiser(UpdateRule.Kind.MOMENTUM, 0.01), 2000);
        assertThat(momentum.last()[0]).as("momentum ends at the global minimum w₁ ≈ −1.04").isCloseTo(-1.04, within(0.05));
        FitSettings noisy = new FitSettings(Target.SINE, 40, 0.1, 3, 1, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.NOISY, 0.01, 8, 0.9, 0.08);
        Trajectory withNoise = SERVICE.descend(LossSurface.DOUBLE_WELL, 2, 1, noisy, 4000);
        long left = withNoise.points().stream().skip(2000).filter(p -> p[0] < 0).count();
        assertThat(left).as("noise carries it over the barrier and it spends most of its time in the deeper well").isGreaterThan(1200);
        assertThat(gd.last()[2]).isGreaterThan(momentum.last()[2]);
    }

    @Test
    void the_final_loss_falls_as_the_hidden_layer_widens() throws Exception {
        FitSettings base = new FitSettings(Target.WAVE, 60, 0.0, 1, 1, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.ADAM, 0.02, 8, 0.9, 0);
        DescentService.Sweep sweep = SERVICE.widthSweep(StudentId.random(), base, List.of(1, 4, 32), 1500, p -> { })
                .get(120, TimeUnit.SECONDS);
        assertThat(sweep.finalLoss().get(1)).isLessThan(sweep.finalLoss().get(0));
        assertThat(sweep.finalLoss().get(2)).isLessThan(sweep.finalLoss().get(0) / 4);
    }

    @Test
    void two_students_width_sweeps_do_not_freeze_a_third_students_live_fit_and_a_second_sweep_of_one_student_is_refused() throws Exception {
        FitSettings base = new FitSettings(Target.WAVE, 60, 0.0, 1, 1, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.ADAM, 0.02, 8, 0.9, 0);
        StudentId a = StudentId.random();
        var first = SERVICE.widthSweep(a, base, List.of(1, 2, 4, 8, 16, 32, 64), 20_000, p -> { });
        var second = SERVICE.widthSweep(StudentId.random(), base, List.of(1, 2, 4, 8, 16, 32, 64), 20_000, p -> { });
        assertThatThrownBy(() -> SERVICE.widthSweep(a, base, List.of(1, 2), 100, p -> { }))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("descent.error.sweepBusy");
        CountDownLatch frames = new CountDownLatch(20);
        DescentService.FitSession live = SERVICE.fit(StudentId.random(), FitSettings.defaults(), snapshot -> frames.countDown());
        live.play();
        try {
            assertThat(frames.await(30, TimeUnit.SECONDS)).as("the live fit moves while two sweeps run").isTrue();
            assertThat(first.isDone() && second.isDone()).as("both sweeps still running (the test needs them to be)").isFalse();
        } finally {
            live.stop();
            first.cancel(true);
            second.cancel(true);
        }
    }

    @Test
    void a_fit_is_deterministic_for_its_seed_and_a_huge_rate_stops_as_diverged_with_its_curve_kept() {
        FitRun a = new FitRun(FitSettings.defaults(), DJL::newScope);
        FitRun b = new FitRun(FitSettings.defaults(), DJL::newScope);
        assertThat(a.advance(50)).isEqualTo(b.advance(50)).isLessThan(a.snapshot().lossHistory().getFirst()[1]);
        FitRun wild = new FitRun(optimiser(UpdateRule.Kind.GD, 1e5), DJL::newScope);
        wild.advance(100);
        FitSnapshot s = wild.snapshot();
        assertThat(s.diverged()).isTrue();
        assertThat(s.divergedAt()).isBetween(1L, 100L);
        assertThat(s.lossHistory()).isNotEmpty();
    }

    @Test
    void bad_settings_get_reasons_and_a_batch_larger_than_the_data_is_clamped() {
        FitSettings d = FitSettings.defaults();
        assertThatThrownBy(() -> d.withWidth(0).checked()).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("descent.error.width");
        assertThatThrownBy(() -> d.withWidth(1_000_000).checked()).hasMessageStartingWith("descent.error.width");
        assertThatThrownBy(() -> d.withOptimizer(UpdateRule.Kind.GD, Double.NaN).checked()).hasMessageStartingWith("descent.error.learningRate");
        assertThatThrownBy(() -> new FitSettings(Target.SINE, 40, 0.1, 1, 4, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.NOISY, 0.1, 8, 0.9, -1)
                .checked()).hasMessageStartingWith("descent.error.sigma");
        assertThatThrownBy(() -> SERVICE.surface(LossSurface.BOWL, 0, 0, List.of(d), 10_000_000)).hasMessageStartingWith("descent.error.steps");
        FitSettings big = new FitSettings(Target.SINE, 40, 0.1, 1, 4, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.SGD, 0.1, 500, 0.9, 0);
        assertThat(big.batchClamped()).isTrue();
        assertThat(big.checked().batch()).isEqualTo(40);
    }
}
