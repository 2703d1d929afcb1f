package org.cnnlab.inspection.saliency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The weighted least squares behind LIME, on data with a known answer. */
class LinearFitTest {

    @Test
    void recovers_an_exact_linear_rule_and_ignores_zero_weight_outliers() {
        double[][] z = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {1, 1}};
        double[] y = {0.5, 2.5, -0.5, 1.5, 99};      // y = 0.5 + 2·z₁ − 1·z₂, and one outlier
        double[] w = {1, 1, 1, 1, 0};
        double[] beta = LinearFit.ridge(z, y, w, 0);
        assertThat(beta).containsExactly(new double[] {0.5, 2, -1}, within(1e-9));
        assertThat(LinearFit.ridge(z, y, w, 10)[1]).as("ridge shrinks").isLessThan(2);
    }
}
