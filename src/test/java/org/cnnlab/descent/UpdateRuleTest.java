package org.cnnlab.descent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each update rule against steps worked out by hand from its published formula. */
class UpdateRuleTest {

    private static UpdateRule rule(UpdateRule.Kind kind, double lr) {
        return new UpdateRule(kind, lr, 0.9, 0.5, 7);
    }

    @Test
    void gradient_descent_moves_against_the_gradient_by_eta_times_it() {
        double[] theta = {1, 2};
        rule(UpdateRule.Kind.GD, 0.1).step(theta, new double[] {0.5, -1});
        assertThat(theta).containsExactly(new double[] {0.95, 2.1}, within(1e-12));
    }

    @Test
    void momentum_accumulates_v_then_moves_by_eta_v() {
        UpdateRule r = rule(UpdateRule.Kind.MOMENTUM, 0.1);
        double[] theta = {1};
        r.step(theta, new double[] {2});           // v = 2, θ = 1 − 0.2 = 0.8
        assertThat(theta[0]).isCloseTo(0.8, within(1e-12));
        r.step(theta, new double[] {1});           // v = 0.9·2 + 1 = 2.8, θ = 0.8 − 0.28 = 0.52
        assertThat(theta[0]).isCloseTo(0.52, within(1e-12));
    }

    @Test
    void adam_with_bias_correction_steps_by_about_eta_at_first_then_by_its_moment_ratio() {
        UpdateRule r = rule(UpdateRule.Kind.ADAM, 0.1);
        double[] theta = {1, 1};
        r.step(theta, new double[] {4, -0.001});
        // t = 1: m̂ = g, ŝ = g², so each parameter moves by η·g/|g| whatever its gradient's size
        assertThat(theta).containsExactly(new double[] {0.9, 1.1}, within(1e-6));
        r.step(theta, new double[] {2, -0.001});
        // t = 2: m = 0.9·0.4 + 0.1·2 = 0.56, s = 0.999·0.016 + 0.001·4 = 0.019984
        double m = 0.56 / (1 - 0.81);
        double s = 0.019984 / (1 - 0.998001);
        assertThat(theta[0]).isCloseTo(0.9 - 0.1 * m / (Math.sqrt(s) + 1e-8), within(1e-9));
    }

    @Test
    void noisy_descent_adds_gaussian_noise_of_sigma_drawn_from_its_seed() {
        double[] theta = {1, 1};
        new UpdateRule(UpdateRule.Kind.NOISY, 0.1, 0, 0.5, 7).step(theta, new double[] {1, 0});
        Random same = new Random(7);
        assertThat(theta[0]).isCloseTo(1 - 0.1 + 0.5 * same.nextGaussian(), within(1e-12));
        assertThat(theta[1]).isCloseTo(1 + 0.5 * same.nextGaussian(), within(1e-12));
    }
}
