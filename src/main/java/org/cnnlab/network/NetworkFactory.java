package org.cnnlab.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import org.cnnlab.base.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The only place DJL blocks are built from a spec. The block takes (N, C, H, W) batches and is not
 * initialised: its owner initialises it in its own NDManager and closes it. A spec is analysed
 * first: an impossible design, or one above the configured parameter ceiling, is refused with a
 * reason instead of being built.
 */
@Component
public class NetworkFactory {

    private final NetworkLimits limits;
    private final ShapeInference inference;

    public NetworkFactory(NetworkLimits limits) {
        this.limits = limits;
        this.inference = new ShapeInference(limits);
    }

    /** The layer-by-layer costs of a design (as the builder shows them): what {@link Budget} prices. */
    public NetworkAnalysis analyse(NetworkSpec spec) {
        return inference.analyse(spec);
    }

    public SequentialBlock build(NetworkSpec spec) {
        NetworkAnalysis analysis = inference.analyse(spec);
        if (!analysis.valid()) {
            LayerReport failed = analysis.layers().stream().filter(LayerReport::failed).findFirst().orElseThrow();
            throw new InvalidInputException("network.error.layer", failed.index() + 1);
        }
        if (analysis.trainable() > limits.maxTrainableToBuild()) {
            throw new InvalidInputException("network.error.tooBigToBuild", analysis.trainable(), limits.maxTrainableToBuild());
        }
        SequentialBlock block = new ChannelsLast.Network();
        for (LayerSpec layer : spec.layers()) {
            block.add(switch (layer) {
                case LayerSpec.Conv2d c -> Conv2d.builder()
                        .setFilters(c.filters())
                        .setKernelShape(new Shape(c.kernel(), c.kernel()))
                        .optStride(new Shape(c.stride(), c.stride()))
                        .optPadding(new Shape(c.padding(), c.padding()))
                        .optDilation(new Shape(c.dilation(), c.dilation()))
                        .build();
                case LayerSpec.MaxPool p -> ChannelsLast.maxPool(p.kernel(), p.stride());
                case LayerSpec.AvgPool p -> Pool.avgPool2dBlock(new Shape(p.kernel(), p.kernel()), new Shape(p.stride(), p.stride()));
                case LayerSpec.GlobalAvgPool g -> Pool.globalAvgPool2dBlock();
                case LayerSpec.Activation a -> switch (a.kind()) {
                    case RELU -> ChannelsLast.activation(Activation::relu, "ReLU");
                    case SIGMOID -> ChannelsLast.activation(Activation::sigmoid, "sigmoid");
                    case TANH -> ChannelsLast.activation(Activation::tanh, "Tanh");
                };
                case LayerSpec.BatchNorm b -> BatchNorm.builder().build();
                case LayerSpec.Dropout d -> Dropout.builder().optRate((float) d.rate()).build();
                case LayerSpec.Flatten f -> Blocks.batchFlattenBlock();
                case LayerSpec.Dense d -> Linear.builder().setUnits(d.units()).build();
            });
        }
        if (spec.layers().isEmpty()) {
            block.add(Blocks.identityBlock()); // DJL refuses an empty sequence; no layers means the input as it is
        }
        return block;
    }
}
