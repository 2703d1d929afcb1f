package org.cnnlab.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureTest {

    @Test
    void phi_on_known_points() {
        assertThat(Feature.R.of(3, 4)).isCloseTo(5, within(1e-12));
        assertThat(Feature.THETA.of(0, 2)).isCloseTo(Math.PI / 2, within(1e-12));
        assertThat(Feature.THETA.of(-1, 0)).isCloseTo(Math.PI, within(1e-12));
        assertThat(Feature.X1_X2.of(2, 3)).isEqualTo(6);
        assertThat(Feature.X1_SQUARED.of(-3, 0)).isEqualTo(9);
        assertThat(Feature.SIN_X1.of(0.5, 0)).isCloseTo(1, within(1e-12));
        assertThat(Feature.apply(List.of(Feature.R, Feature.X2), new float[] {3, 0}, new float[] {4, -2})).containsExactly(5, 4, 2, -2);
    }

    @Test
    void rings_are_two_radii_whatever_the_angle() {
        PointSet rings = PointSet.generate(PointSet.Kind.RINGS, 200, 0, 3, 1000);
        for (int i = 0; i < rings.size(); i++) {
            double r = Feature.R.of(rings.x1()[i], rings.x2()[i]);
            assertThat(r).isCloseTo(rings.labels()[i] == 0 ? 0.5 : 1.0, within(0.051));
        }
        PointSet xor = PointSet.generate(PointSet.Kind.XOR, 200, 0, 3, 1000);
        for (int i = 0; i < xor.size(); i++) assertThat(xor.x1()[i] * xor.x2()[i] < 0).isEqualTo(xor.labels()[i] == 1);
    }
}
