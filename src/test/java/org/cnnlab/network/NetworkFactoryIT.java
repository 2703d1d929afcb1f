package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shape inference against DJL itself: for a few hundred random valid designs and every preset that
 * may be built, the trainable parameters DJL allocates and the output shape it computes equal
 * ours. BatchNorm's running statistics are DJL parameters without gradient: our buffers.
 */
class NetworkFactoryIT {

    private static DjlRuntime djl;
    private static final NetworkFactory FACTORY = new NetworkFactory(NetworkLimits.defaults());
    private static final ShapeInference INFERENCE = new ShapeInference(NetworkLimits.defaults());

    @BeforeAll
    static void start() {
        djl = new DjlRuntime();
    }

    @AfterAll
    static void stop() {
        djl.close();
    }

    private static void compare(NetworkSpec spec) {
        NetworkAnalysis ours = INFERENCE.analyse(spec);
        TensorShape in = spec.input();
        Shape batch = new Shape(1, in.channels(), in.height(), in.width());
        try (NDManager scope = djl.newScope()) {
            SequentialBlock block = FACTORY.build(spec);
            block.initialize(scope, DataType.FLOAT32, batch);
            long trainable = 0;
            long frozen = 0;
            for (Pair<String, Parameter> p : block.getParameters()) {
                long size = p.getValue().getArray().size();
                if (p.getValue().requiresGradient()) trainable += size; else frozen += size;
            }
            Shape out = block.getOutputShapes(new Shape[] {batch})[0];
            assertThat(trainable).as("trainable parameters of %s", spec).isEqualTo(ours.trainable());
            assertThat(frozen).as("buffers of %s", spec).isEqualTo(ours.buffers());
            assertThat(out.slice(1).getShape()).as("output shape of %s", spec)
                    .containsExactly(Arrays.stream(ours.output().dims()).asLongStream().toArray());
        }
    }

    @Test
    void djl_agrees_with_shape_inference_on_random_designs() {
        for (NetworkSpec spec : RandomSpecs.valid(20261126L, 300)) {
            compare(spec);
        }
    }

    @Test
    void djl_agrees_on_the_presets_it_may_build() {
        for (NetworkPresets preset : List.of(NetworkPresets.LECTURE_QUIZ, NetworkPresets.LENET5, NetworkPresets.TINY_VGG)) {
            compare(preset.spec());
        }
    }

    @Test
    void vgg16_is_counted_but_not_built_above_the_ceiling() {
        assertThatThrownBy(() -> FACTORY.build(NetworkPresets.VGG16.spec()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("network.error.tooBigToBuild");
    }

    @Test
    void an_impossible_design_is_refused_before_any_block_is_made() {
        NetworkSpec impossible = NetworkSpec.of(TensorShape.image(1, 4, 4), LayerSpec.Conv2d.of(2, 7));
        assertThatThrownBy(() -> FACTORY.build(impossible))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("network.error.layer");
    }
}
