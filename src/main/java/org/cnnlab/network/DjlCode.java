package org.cnnlab.network;

import java.util.Locale;

/** The same network as DJL (Java) code, built the way {@link NetworkFactory} builds it. */
public final class DjlCode {
    private DjlCode() {
    }

    public static String of(NetworkSpec spec) {
        TensorShape in = spec.input();
        StringBuilder code = new StringBuilder();
        code.append("// input: (N, ").append(in.channels()).append(", ").append(in.height()).append(", ").append(in.width()).append(")\n");
        code.append("SequentialBlock model = new SequentialBlock()");
        for (LayerSpec layer : spec.layers()) {
            code.append("\n        .add(").append(layer(layer)).append(")");
        }
        code.append(";\n");
        return code.toString();
    }

    private static String layer(LayerSpec layer) {
        return switch (layer) {
            case LayerSpec.Conv2d c -> String.format(Locale.ROOT,
                    "Conv2d.builder().setFilters(%d).setKernelShape(new Shape(%d, %d)).optStride(new Shape(%d, %d))"
                            + ".optPadding(new Shape(%d, %d)).optDilation(new Shape(%d, %d)).build()",
                    c.filters(), c.kernel(), c.kernel(), c.stride(), c.stride(), c.padding(), c.padding(), c.dilation(), c.dilation());
            case LayerSpec.MaxPool p -> String.format(Locale.ROOT, "Pool.maxPool2dBlock(new Shape(%d, %d), new Shape(%d, %d))",
                    p.kernel(), p.kernel(), p.stride(), p.stride());
            case LayerSpec.AvgPool p -> String.format(Locale.ROOT, "Pool.avgPool2dBlock(new Shape(%d, %d), new Shape(%d, %d))",
                    p.kernel(), p.kernel(), p.stride(), p.stride());
            case LayerSpec.GlobalAvgPool g -> "Pool.globalAvgPool2dBlock()";
            case LayerSpec.Activation a -> switch (a.kind()) {
                case RELU -> "Activation.reluBlock()";
                case SIGMOID -> "Activation.sigmoidBlock()";
                case TANH -> "Activation.tanhBlock()";
            };
            case LayerSpec.BatchNorm b -> "BatchNorm.builder().build()";
            case LayerSpec.Dropout d -> "Dropout.builder().optRate(" + (float) d.rate() + "f).build()";
            case LayerSpec.Flatten f -> "Blocks.batchFlattenBlock()";
            case LayerSpec.Dense d -> "Linear.builder().setUnits(" + d.units() + ").build()";
        };
    }
}
