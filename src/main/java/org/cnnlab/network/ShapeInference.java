package org.cnnlab.network;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.InvalidInputException;

/**
 * Walks a spec layer by layer and works out, with no DJL, each output shape and what the layer
 * costs. A conv layer of F filters k×k on C_in channels has k·k·C_in·F weights and F biases and,
 * per output position, k·k·C_in multiply-accumulates per filter; its output side is
 * ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1. A dense layer of U units on N inputs has N·U weights and U biases.
 * A layer that cannot take its input is reported with the reason; the layers after it are not
 * analysed (they are marked as waiting for it).
 */
public final class ShapeInference {

    private final NetworkLimits limits;

    public ShapeInference(NetworkLimits limits) {
        this.limits = limits;
    }

    public NetworkAnalysis analyse(NetworkSpec spec) {
        validate(spec);
        List<LayerReport> reports = new ArrayList<>(spec.layers().size());
        TensorShape shape = spec.input();
        boolean broken = false;
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            LayerReport report = broken
                    ? LayerReport.error(i, layer, null, "network.error.previous")
                    : layer(i, layer, shape);
            reports.add(report);
            broken |= report.failed();
            shape = report.output();
        }
        return new NetworkAnalysis(spec, reports);
    }

    /** Refuses, as a whole, a spec no design should have (these do not belong to one layer). */
    private void validate(NetworkSpec spec) {
        if (spec.version() != NetworkSpec.CURRENT_VERSION) {
            throw new InvalidInputException("network.error.version", spec.version(), NetworkSpec.CURRENT_VERSION);
        }
        if (spec.layers().size() > limits.maxLayers()) {
            throw new InvalidInputException("network.error.tooManyLayers", spec.layers().size(), limits.maxLayers());
        }
        TensorShape in = spec.input();
        if (!in.isImage() || in.channels() < 1 || in.channels() > limits.maxWidth()
                || in.height() < 1 || in.width() < 1 || in.height() > limits.maxInputSide() || in.width() > limits.maxInputSide()) {
            throw new InvalidInputException("network.error.input", limits.maxInputSide(), limits.maxWidth());
        }
    }

    private LayerReport layer(int i, LayerSpec layer, TensorShape in) {
        return switch (layer) {
            case LayerSpec.Conv2d c -> conv(i, c, in);
            case LayerSpec.MaxPool p -> pool(i, layer, p.kernel(), p.stride(), in);
            case LayerSpec.AvgPool p -> pool(i, layer, p.kernel(), p.stride(), in);
            case LayerSpec.GlobalAvgPool g -> in.isImage()
                    ? ok(i, layer, in, TensorShape.vector(in.channels()), 0, 0, 0, 0)
                    : LayerReport.error(i, layer, in, "network.error.needsImage");
            case LayerSpec.Activation a -> ok(i, layer, in, in, 0, 0, 0, 0);
            case LayerSpec.Dropout d -> d.rate() >= 0 && d.rate() < 1
                    ? ok(i, layer, in, in, 0, 0, 0, 0)
                    : LayerReport.error(i, layer, in, "network.error.dropout");
            case LayerSpec.BatchNorm b -> {
                int features = in.isImage() ? in.channels() : in.dims()[0];
                yield ok(i, layer, in, in, features, features, 2L * features, 0);
            }
            case LayerSpec.Flatten f -> in.size() > Integer.MAX_VALUE
                    ? LayerReport.error(i, layer, in, "network.error.tooWide", in.size())
                    : ok(i, layer, in, TensorShape.vector((int) in.size()), 0, 0, 0, 0);
            case LayerSpec.Dense d -> dense(i, d, in);
        };
    }

    private LayerReport conv(int i, LayerSpec.Conv2d c, TensorShape in) {
        if (!in.isImage()) return LayerReport.error(i, c, in, "network.error.needsImage");
        if (c.filters() < 1 || c.filters() > limits.maxWidth()) return LayerReport.error(i, c, in, "network.error.width", 1, limits.maxWidth());
        String bad = geometry(c.kernel(), c.stride(), c.dilation());
        if (bad != null) return LayerReport.error(i, c, in, bad, 1, limits.maxKernel());
        if (c.padding() < 0 || c.padding() > limits.maxKernel()) return LayerReport.error(i, c, in, "network.error.padding", 0, limits.maxKernel());
        int span = c.dilation() * (c.kernel() - 1) + 1;
        int paddedH = in.height() + 2 * c.padding();
        int paddedW = in.width() + 2 * c.padding();
        if (paddedH < span || paddedW < span) {
            return LayerReport.error(i, c, in, "network.error.kernelTooLarge", span, paddedH, paddedW);
        }
        int outH = (paddedH - span) / c.stride() + 1;
        int outW = (paddedW - span) / c.stride() + 1;
        long perFilter = (long) c.kernel() * c.kernel() * in.channels();
        return ok(i, c, in, TensorShape.image(c.filters(), outH, outW), perFilter * c.filters(), c.filters(), 0,
                (long) outH * outW * c.filters() * perFilter);
    }

    private LayerReport pool(int i, LayerSpec layer, int kernel, int stride, TensorShape in) {
        if (!in.isImage()) return LayerReport.error(i, layer, in, "network.error.needsImage");
        String bad = geometry(kernel, stride, 1);
        if (bad != null) return LayerReport.error(i, layer, in, bad, 1, limits.maxKernel());
        if (in.height() < kernel || in.width() < kernel) {
            return LayerReport.error(i, layer, in, "network.error.kernelTooLarge", kernel, in.height(), in.width());
        }
        int outH = (in.height() - kernel) / stride + 1;
        int outW = (in.width() - kernel) / stride + 1;
        return ok(i, layer, in, TensorShape.image(in.channels(), outH, outW), 0, 0, 0, 0);
    }

    private LayerReport dense(int i, LayerSpec.Dense d, TensorShape in) {
        if (in.isImage()) return LayerReport.error(i, d, in, "network.error.denseNeedsFlatten", in.toString());
        if (d.units() < 1 || d.units() > limits.maxWidth()) return LayerReport.error(i, d, in, "network.error.width", 1, limits.maxWidth());
        long inputs = in.dims()[0];
        return ok(i, d, in, TensorShape.vector(d.units()), inputs * d.units(), d.units(), 0, inputs * d.units());
    }

    private String geometry(int kernel, int stride, int dilation) {
        if (kernel < 1 || kernel > limits.maxKernel()) return "network.error.kernel";
        if (stride < 1 || stride > limits.maxKernel()) return "network.error.stride";
        if (dilation < 1 || dilation > limits.maxKernel()) return "network.error.dilation";
        return null;
    }

    private static LayerReport ok(int i, LayerSpec layer, TensorShape in, TensorShape out, long weights, long biases,
                                  long buffers, long macs) {
        return new LayerReport(i, layer, in, out, weights, biases, buffers, macs, null, null);
    }
}
