package org.cnnlab.network;

import java.util.Locale;

/**
 * The same network as PyTorch code a student can paste into a notebook: an {@code nn.Sequential}
 * whose layers mirror the spec one to one (BatchNorm2d/1d chosen by the shape it receives).
 */
public final class PytorchCode {
    private PytorchCode() {
    }

    /** Needs a valid analysis: the shapes decide in_channels, in_features and the BatchNorm kind. */
    public static String of(NetworkAnalysis analysis) {
        if (!analysis.valid()) {
            throw new IllegalArgumentException("only a valid network has code");
        }
        TensorShape input = analysis.spec().input();
        StringBuilder code = new StringBuilder();
        code.append("import torch\nfrom torch import nn\n\n");
        code.append(String.format(Locale.ROOT, "# input: a batch of %d×%d images with %d channel(s), shape (N, %d, %d, %d)%n",
                input.height(), input.width(), input.channels(), input.channels(), input.height(), input.width()));
        code.append("model = nn.Sequential(\n");
        for (LayerReport r : analysis.layers()) {
            code.append("    ").append(layer(r)).append(",\n");
        }
        code.append(")\n");
        return code.toString();
    }

    private static String layer(LayerReport r) {
        TensorShape in = r.input();
        return switch (r.layer()) {
            case LayerSpec.Conv2d c -> String.format(Locale.ROOT,
                    "nn.Conv2d(%d, %d, kernel_size=%d, stride=%d, padding=%d, dilation=%d)",
                    in.channels(), c.filters(), c.kernel(), c.stride(), c.padding(), c.dilation());
            case LayerSpec.MaxPool p -> String.format(Locale.ROOT, "nn.MaxPool2d(kernel_size=%d, stride=%d)", p.kernel(), p.stride());
            case LayerSpec.AvgPool p -> String.format(Locale.ROOT, "nn.AvgPool2d(kernel_size=%d, stride=%d)", p.kernel(), p.stride());
            case LayerSpec.GlobalAvgPool g -> "nn.AdaptiveAvgPool2d(1), nn.Flatten()";
            case LayerSpec.Activation a -> switch (a.kind()) {
                case RELU -> "nn.ReLU()";
                case SIGMOID -> "nn.Sigmoid()";
                case TANH -> "nn.Tanh()";
            };
            case LayerSpec.BatchNorm b -> in.isImage()
                    ? "nn.BatchNorm2d(" + in.channels() + ")"
                    : "nn.BatchNorm1d(" + in.dims()[0] + ")";
            case LayerSpec.Dropout d -> String.format(Locale.ROOT, "nn.Dropout(p=%s)", d.rate());
            case LayerSpec.Flatten f -> "nn.Flatten()";
            case LayerSpec.Dense d -> "nn.Linear(" + in.dims()[0] + ", " + d.units() + ")";
        };
    }
}
