package org.cnnlab.representation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.inspection.InspectionService;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.training.TrainingLimits;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The lesson's claims, seeded, through the class's real training service: a change of representation and a learned one. */
class RepresentationLabIT {

    private static final NetworkFactory FACTORY = new NetworkFactory(NetworkLimits.defaults());
    private static final TrainingService TRAINING = new TrainingService(TrainingLimits.defaults(), FACTORY, NetworkLimits.defaults());
    private static final RepresentationLab LAB = new RepresentationLab(TRAINING,
            new InspectionService(new ModelRunner(FACTORY), new ImageDecoder(ImageLimits.defaults())),
            RepresentationLimits.defaults());
    private static final StudentId STUDENT = new StudentId("rings");

    @AfterAll
    static void close() {
        TRAINING.close();
    }

    private static RepresentationLab.Fit await(CompletableFuture<RepresentationLab.Fit> f) throws Exception {
        return f.get(3, TimeUnit.MINUTES);
    }

    @Test
    void on_rings_a_line_fails_in_x_space_succeeds_in_polar_space_and_an_mlp_finds_its_own_representation() throws Exception {
        PointSet train = LAB.points(PointSet.Kind.RINGS, 1000, 0.05, 1);
        PointSet test = LAB.points(PointSet.Kind.RINGS, 1000, 0.05, 2);
        RepresentationLab.Fit plain = await(LAB.linear(STUDENT, train, test, List.of(Feature.X1, Feature.X2), 1, p -> { }));
        RepresentationLab.Fit polar = await(LAB.linear(STUDENT, train, test, List.of(Feature.R, Feature.THETA), 1, p -> { }));
        RepresentationLab.Fit mlp = await(LAB.mlp(STUDENT, train, test, 1, p -> { }));
        System.out.printf("rings, test accuracy: linear on (x1, x2) %.3f, linear on (r, θ) %.3f, MLP on (x1, x2) %.3f%n",
                plain.testAccuracy(), polar.testAccuracy(), mlp.testAccuracy());
        assertThat(plain.testAccuracy()).as("a line in the (x1, x2) plane").isLessThanOrEqualTo(0.60);
        assertThat(polar.testAccuracy()).as("a line in the (r, θ) plane").isGreaterThanOrEqualTo(0.95);
        assertThat(mlp.testAccuracy()).as("the MLP's own representation").isGreaterThanOrEqualTo(0.95);
        assertThat(polar.featurePlane()).as("φ has two coordinates: its plane is drawn").isNotNull();
        assertThat(mlp.hiddenPlane()).isNotNull();
        assertThat(plain.inputPlane()).startsWith((byte) 0x89);
    }

    @Test
    void bad_requests_get_a_message_or_a_stated_clamp() {
        assertThatThrownBy(() -> LAB.linear(STUDENT, LAB.points(PointSet.Kind.XOR, 40, 0, 1), LAB.points(PointSet.Kind.XOR, 40, 0, 2), List.of(), 1,
                p -> { })).isInstanceOf(InvalidInputException.class).hasMessageStartingWith("representation.error.noFeatures");
        assertThat(LAB.points(PointSet.Kind.SPIRALS, 10_000_000, 0.1, 1).size()).isEqualTo(LAB.limits().maxPoints());
        assertThat(LAB.points(PointSet.Kind.SPIRALS, 3, 0.1, 1).size()).isEqualTo(PointSet.MIN_POINTS);
        assertThatThrownBy(() -> LAB.points(PointSet.Kind.RINGS, 100, Double.NaN, 1)).hasMessageStartingWith("representation.error.noise");
        assertThatThrownBy(() -> new PointSet(PointSet.Kind.XOR, new float[] {0, 1}, new float[] {0, 1}, new int[] {1, 1}))
                .hasMessageStartingWith("representation.error.oneClass");
        assertThatThrownBy(() -> new PointSet(PointSet.Kind.XOR, new float[] {0, Float.NaN}, new float[] {0, 1}, new int[] {0, 1}))
                .hasMessageStartingWith("representation.error.notFinite");
    }
}
