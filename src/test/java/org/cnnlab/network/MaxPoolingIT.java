package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.DjlRuntime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's max pooling against PyTorch's own max_pool2d: the same values (NaN and infinities
 * included) for every kernel and stride the builder allows up to 3 and beyond, and, where
 * gradients are recorded, the same input gradient on inputs full of equal maxima (a drawing's flat
 * background), where the maxima of views would share it.
 */
class MaxPoolingIT {

    private static DjlRuntime djl;

    @BeforeAll
    static void start() {
        djl = new DjlRuntime();
    }

    @AfterAll
    static void stop() {
        djl.close();
    }

    /** Random values with flat patches (equal maxima), NaN and ±∞ sprinkled in when asked. */
    private static float[] values(int n, long seed, boolean nonFinite) {
        Random random = new Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextInt(4) == 0 ? 0.25f : (float) random.nextGaussian();
            if (nonFinite && random.nextInt(50) == 0) v[i] = new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}[random.nextInt(3)];
        }
        return v;
    }

    private static NDArray reference(NDArray x, int k, int s) {
        return Pool.maxPool2d(x, new Shape(k, k), new Shape(s, s), new Shape(0, 0), false);
    }

    @Test
    void same_values_as_max_pool2d_for_every_kernel_and_stride_nan_and_infinities_included() {
        int checked = 0;
        for (int k = 1; k <= 5; k++) {
            for (int s = 1; s <= k; s++) {
                for (int[] hw : new int[][] {{7, 9}, {8, 8}, {28, 28}, {k, k}}) {
                    if (hw[0] < k || hw[1] < k) continue;
                    try (NDManager m = djl.newScope()) {
                        Shape shape = new Shape(3, 2, hw[0], hw[1]);
                        NDArray x = m.create(values((int) shape.size(), 31L * k + s, true), shape);
                        float[] expected = reference(x, k, s).toFloatArray();
                        Block block = MaxPooling.block(k, s);
                        NDArray withoutGradients;
                        try (Autograd.Held off = Autograd.withoutGradients()) {   // as the app's passes without gradients run it: the views
                            assertThat(Autograd.recording()).isFalse();
                            withoutGradients = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
                        }
                        NDArray recorded;
                        try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = m.getEngine().newGradientCollector()) {
                            assertThat(Autograd.recording()).isTrue();
                            recorded = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                        }
                        for (NDArray viaBlock : new NDArray[] {withoutGradients, recorded}) {
                            assertThat(viaBlock.getShape()).isEqualTo(reference(x, k, s).getShape());
                            assertThat(viaBlock.toFloatArray()).as("k %d s %d on %dx%d", k, s, hw[0], hw[1]).containsExactly(expected);
                        }
                        if (k <= MaxPooling.MAX_STRIDED_KERNEL) {
                            assertThat(MaxPooling.ofViews(x, k, s).toFloatArray()).containsExactly(expected);
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void where_gradients_are_recorded_each_window_gives_its_gradient_to_its_first_maximum_as_pytorch_does() {
        for (int[] ks : new int[][] {{2, 2}, {3, 2}, {3, 3}, {2, 1}}) {
            int k = ks[0];
            int s = ks[1];
            float[][] gradients = new float[2][];
            for (int variant = 0; variant < 2; variant++) {
                try (NDManager m = djl.newScope()) {
                    Shape shape = new Shape(2, 3, 12, 12);
                    NDArray x = m.create(values((int) shape.size(), 7L * k + s, false), shape);
                    x.setRequiresGradient(true);
                    try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = m.getEngine().newGradientCollector()) {
                        assertThat(Autograd.recording()).as("inside a gradient collector").isTrue();
                        NDArray y = variant == 0 ? reference(x, k, s)
                                : MaxPooling.block(k, s).forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                        NDArray weights = m.arange((float) y.size()).reshape(y.getShape());   // a different weight per output, so misrouting shows
                        collector.backward(y.mul(weights).sum());
                    }
                    gradients[variant] = x.getGradient().toFloatArray();
                }
            }
            assertThat(gradients[1]).as("k %d s %d", k, s).containsExactly(gradients[0]);
        }
    }

    @Test
    void the_maxima_of_views_would_share_a_tied_gradient_which_is_why_they_are_kept_out_of_recorded_passes() {
        try (NDManager m = djl.newScope()) {
            NDArray x = m.create(new float[] {1, 1, 1, 1}, new Shape(1, 1, 2, 2));
            x.setRequiresGradient(true);
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = m.getEngine().newGradientCollector()) {
                collector.backward(MaxPooling.ofViews(x, 2, 2).sum());
            }
            float[] shared = x.getGradient().toFloatArray();
            assertThat(shared[0]).as("views: the first maximum gets a share only").isLessThan(1f);
        }
    }
}
