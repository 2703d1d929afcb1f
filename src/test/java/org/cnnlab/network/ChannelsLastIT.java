package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;
import org.assertj.core.api.Assertions;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.training.StarterNetworks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The network's activations and max pooling in channels-last memory against PyTorch's own kernels
 * on ordinary (N, C, H, W) memory: the same values (NaN and infinities included) for every kernel
 * and stride, and the same input gradients on inputs full of equal maxima (a drawing's flat
 * background), where a pooling that shared a window's gradient among its maxima would differ.
 */
class ChannelsLastIT {

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

    private static NDArray forward(Block block, NDManager m, NDArray x, boolean training) {
        return block.forward(new ParameterStore(m, false), new NDList(x), training).singletonOrThrow();
    }

    @Test
    void the_same_values_in_the_same_order_for_every_kernel_and_stride_nan_and_infinities_included() {
        int checked = 0;
        for (int k = 1; k <= 5; k++) {
            for (int s = 1; s <= k; s++) {
                for (int[] hw : new int[][] {{7, 9}, {8, 8}, {28, 28}, {k, k}}) {
                    if (hw[0] < k || hw[1] < k) continue;
                    try (NDManager m = djl.newScope()) {
                        Shape shape = new Shape(3, 2, hw[0], hw[1]);
                        NDArray x = m.create(values((int) shape.size(), 31L * k + s, true), shape);
                        assertThat(ChannelsLast.of(x).toFloatArray()).as("read back in (N, C, H, W) order").containsExactly(x.toFloatArray());
                        float[] expected = reference(x, k, s).toFloatArray();
                        Block block = ChannelsLast.maxPool(k, s);
                        NDArray withoutGradients;
                        try (Autograd.Held off = Autograd.withoutGradients()) {
                            withoutGradients = forward(block, m, x, false);
                        }
                        NDArray recorded;
                        try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = m.getEngine().newGradientCollector()) {
                            recorded = forward(block, m, x, true);
                        }
                        for (NDArray y : new NDArray[] {withoutGradients, recorded}) {
                            assertThat(y.getShape()).isEqualTo(reference(x, k, s).getShape());
                            assertThat(y.toFloatArray()).as("k %d s %d on %dx%d", k, s, hw[0], hw[1]).containsExactly(expected);
                        }
                        assertThat(forward(ChannelsLast.activation(Activation::relu, "ReLU"), m, x, false).toFloatArray())
                                .containsExactly(Activation.relu(x).toFloatArray());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void activation_then_pooling_give_each_window_s_gradient_to_its_first_maximum_as_pytorch_does() {
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
                        NDArray y = variant == 0 ? reference(Activation.relu(x), k, s)
                                : forward(ChannelsLast.maxPool(k, s), m, forward(ChannelsLast.activation(Activation::relu, "ReLU"), m, x, true), true);
                        NDArray weights = m.arange((float) y.size()).reshape(y.getShape());   // a different weight per output, so misrouting shows
                        collector.backward(y.mul(weights).sum());
                    }
                    gradients[variant] = x.getGradient().toFloatArray();
                }
            }
            assertThat(gradients[1]).as("k %d s %d", k, s).containsExactly(gradients[0]);
        }
    }

    /** The same network in DJL's own blocks, (N, C, H, W) memory throughout. */
    private static SequentialBlock plain(NetworkSpec spec) {
        SequentialBlock block = new SequentialBlock();
        for (LayerSpec layer : spec.layers()) {
            block.add(switch (layer) {
                case LayerSpec.Conv2d c -> Conv2d.builder().setFilters(c.filters()).setKernelShape(new Shape(c.kernel(), c.kernel()))
                        .optStride(new Shape(c.stride(), c.stride())).optPadding(new Shape(c.padding(), c.padding())).build();
                case LayerSpec.Activation a -> Activation.reluBlock();
                case LayerSpec.MaxPool p -> Pool.maxPool2dBlock(new Shape(p.kernel(), p.kernel()), new Shape(p.stride(), p.stride()));
                case LayerSpec.Flatten f -> Blocks.batchFlattenBlock();
                case LayerSpec.Dense d -> Linear.builder().setUnits(d.units()).build();
                default -> throw new IllegalArgumentException(layer.toString());
            });
        }
        return block;
    }

    @Test
    void the_built_network_reads_the_saved_parameters_of_djl_s_own_blocks_and_gives_their_logits_and_input_gradients() throws Exception {
        for (int channels : new int[] {1, 3}) {
            NetworkSpec spec = StarterNetworks.SMALL_CNN.spec(TensorShape.image(channels, 16, 16), 4);
            Shape shape = new Shape(5, channels, 16, 16);
            float[][] logits = new float[2][];
            float[][] gradients = new float[2][];
            try (NDManager m = djl.newScope()) {
                SequentialBlock ours = new NetworkFactory(NetworkLimits.defaults()).build(spec);
                SequentialBlock theirs = plain(spec);
                ours.initialize(m, DataType.FLOAT32, shape);
                theirs.initialize(m, DataType.FLOAT32, shape);
                ByteArrayOutputStream saved = new ByteArrayOutputStream();
                ours.saveParameters(new DataOutputStream(saved));
                theirs.loadParameters(m, new DataInputStream(new ByteArrayInputStream(saved.toByteArray())));
                float[] values = values((int) shape.size(), channels, false);
                SequentialBlock[] both = {theirs, ours};
                for (int v = 0; v < 2; v++) {
                    NDArray x = m.create(values, shape);
                    x.setRequiresGradient(true);
                    try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = m.getEngine().newGradientCollector()) {
                        NDArray z = forward(both[v], m, x, false);
                        collector.backward(z.get(":, 1").sum());
                        logits[v] = z.toFloatArray();
                    }
                    gradients[v] = x.getGradient().toFloatArray();
                }
            }
            for (int i = 0; i < logits[0].length; i++) {
                assertThat(logits[1][i]).as("%d channel(s), logit %d", channels, i).isCloseTo(logits[0][i], Assertions.within(1e-5f));
            }
            for (int i = 0; i < gradients[0].length; i++) {
                assertThat(gradients[1][i]).as("%d channel(s), ∂/∂x %d", channels, i).isCloseTo(gradients[0][i], Assertions.within(1e-5f));
            }
        }
    }
}
