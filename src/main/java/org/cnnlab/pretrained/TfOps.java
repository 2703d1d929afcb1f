package org.cnnlab.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * TensorFlow ops as DJL steps, one method per op, each with TensorFlow's meaning (NHWC values, HWIO
 * filters; see {@link GraphNetwork}): a 2-D convolution y[n,o,i,j] = b[o] + Σ_{c,u,v}
 * w[o,c,u,v]·x[n, g·C/G + c, s·i + d·u, s·j + d·v] on a transposed view, with TensorFlow's SAME
 * padding; bilinear resizing as two matrix products ({@link #interpolation}); integer shape
 * arithmetic folded once ({@link #fold}). Weights it makes (a filter as OIHW) go into the
 * network's {@code constants}, in the network's manager.
 */
final class TfOps {

    /** One op ready to run: it reads values by name and returns its outputs ("name", "name:1", …). */
    record Step(String name, String op, List<String> reads, Function<Map<String, NDArray>, NDArray[]> run) {
    }

    private final NDManager manager;
    private final Map<String, NDArray> constants;
    private final TfjsGraphModel model;
    private final Map<String, TfjsGraphModel.Tensor> folded;

    TfOps(NDManager manager, Map<String, NDArray> constants, TfjsGraphModel model, Map<String, TfjsGraphModel.Tensor> folded) {
        this.manager = manager;
        this.constants = constants;
        this.model = model;
        this.folded = folded;
    }

    /** The step that computes {@code node} from its inputs {@code in}. */
    Step step(TfjsGraphModel.Node node, List<String> in) {
        String name = node.name();
        String op = node.op();
        String x = in.isEmpty() ? null : in.get(0);
        return switch (op) {
            case "Identity" -> identity(node, in, name, op, x);
            case "Conv2D" -> conv2d(node, in, name, op, x);
            case "Add", "AddV2" -> add(node, in, name, op, x);
            case "Pad", "PadV2" -> pad(node, in, name, op, x);
            case "LeakyRelu" -> leakyRelu(node, in, name, op, x);
            case "Sigmoid" -> sigmoid(node, in, name, op, x);
            case "Transpose" -> transpose(node, in, name, op, x);
            case "ConcatV2" -> concat(node, in, name, op, x);
            case "SplitV" -> split(node, in, name, op, x);
            case "MaxPool" -> maxPool(node, in, name, op, x);
            case "ResizeBilinear" -> resizeBilinear(node, in, name, op, x);
            case "Reshape" -> reshape(node, in, name, op, x);
            default -> throw new IllegalArgumentException("op " + op + " (" + name + ") on computed values is not supported");
        };
    }

    private Step identity(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        return new Step(name, op, List.of(x), v -> new NDArray[] {v.get(x)});
    }

    private Step conv2d(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        requireNhwc(node);
        if (!"VALID".equals(node.string("padding")) && !"SAME".equals(node.string("padding"))) {
            throw new IllegalArgumentException(name + ": padding " + node.string("padding"));
        }
        boolean same = "SAME".equals(node.string("padding"));
        long[] s = node.ints("strides");
        long[] d = node.ints("dilations");
        TfjsGraphModel.Tensor filter = model.floats().get(in.get(1));
        if (filter == null || filter.shape().length != 4) throw new IllegalArgumentException(name + ": filter must be a 4-D constant");
        // HWIO → OIHW, once
        String weight = in.get(1) + "/oihw";
        constants.computeIfAbsent(weight, key -> manager.create(oihw(filter), new Shape(filter.shape()[3], filter.shape()[2], filter.shape()[0], filter.shape()[1])));
        long kh = filter.shape()[0];
        long kw = filter.shape()[1];
        long filterIn = filter.shape()[2];
        Shape stride = new Shape(s[1], s[2]);
        Shape dilation = new Shape(d[1], d[2]);
        return new Step(name, op, List.of(x, weight), v -> {
            NDArray nhwc = v.get(x);
            long channels = nhwc.getShape().get(3);
            if (channels % filterIn != 0) throw new IllegalArgumentException(name + ": " + channels + " channels, filter takes " + filterIn);
            NDArray nchw = nhwc.transpose(0, 3, 1, 2);
            if (same) nchw = samePad(nchw, kh, kw, s[1], s[2], d[1], d[2]);
            NDArray y = Conv2d.conv2d(nchw, v.get(weight), null, stride, new Shape(0, 0), dilation, (int) (channels / filterIn)).singletonOrThrow();
            return new NDArray[] {y.transpose(0, 2, 3, 1)};
        });
    }

    private Step add(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        String a = in.get(0);
        String b = in.get(1);
        // the result lives with the first operand: keep it the computed value, not a constant
        boolean swap = constants.containsKey(a) && !constants.containsKey(b);
        String first = swap ? b : a;
        String second = swap ? a : b;
        return new Step(name, op, List.of(a, b), v -> new NDArray[] {v.get(first).add(v.get(second))});
    }

    private Step pad(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        long[] p = ints(in.get(1));
        float value = 0f;
        if (op.equals("PadV2")) {
            TfjsGraphModel.Tensor c = model.floats().get(in.get(2));
            if (c == null || c.floats().length != 1) throw new IllegalArgumentException(name + ": constant_values must be a float scalar");
            value = c.floats()[0];
        }
        // TF: [[before, after] per axis, first axis first]; PyTorch: last axis first
        int rank = p.length / 2;
        long[] torch = new long[p.length];
        for (int axis = 0; axis < rank; axis++) {
            torch[2 * (rank - 1 - axis)] = p[2 * axis];
            torch[2 * (rank - 1 - axis) + 1] = p[2 * axis + 1];
        }
        Shape padding = new Shape(torch);
        double fill = value;
        return new Step(name, op, List.of(x), v -> new NDArray[] {v.get(x).pad(padding, fill)});
    }

    private Step leakyRelu(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        float alpha = node.number("alpha", 0.2f);
        return new Step(name, op, List.of(x), v -> new NDArray[] {Activation.leakyRelu(v.get(x), alpha)});
    }

    private Step sigmoid(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        return new Step(name, op, List.of(x), v -> new NDArray[] {Activation.sigmoid(v.get(x))});
    }

    private Step transpose(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        int[] perm = Arrays.stream(ints(in.get(1))).mapToInt(Math::toIntExact).toArray();
        return new Step(name, op, List.of(x), v -> new NDArray[] {v.get(x).transpose(perm)});
    }

    private Step concat(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        List<String> parts = in.subList(0, in.size() - 1);
        int axis = Math.toIntExact(ints(in.get(in.size() - 1))[0]);
        return new Step(name, op, List.copyOf(parts), v -> {
            NDList list = new NDList();
            for (String part : parts) list.add(v.get(part));
            return new NDArray[] {NDArrays.concat(list, axis)};
        });
    }

    private Step split(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        long[] sizes = ints(in.get(1));
        int axis = Math.toIntExact(ints(in.get(2))[0]);
        long[] at = new long[sizes.length - 1];
        for (int k = 0, sum = 0; k < at.length; k++) at[k] = sum += (int) sizes[k];
        return new Step(name, op, List.of(x), v -> v.get(x).split(at, axis).toArray(new NDArray[0]));
    }

    private Step maxPool(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        requireNhwc(node);
        if (!"VALID".equals(node.string("padding"))) throw new IllegalArgumentException(name + ": padding " + node.string("padding"));
        long[] k = node.ints("ksize");
        long[] s = node.ints("strides");
        Shape kernel = new Shape(k[1], k[2]);
        Shape stride = new Shape(s[1], s[2]);
        return new Step(name, op, List.of(x), v -> {
            NDArray nchw = v.get(x).transpose(0, 3, 1, 2);
            return new NDArray[] {Pool.maxPool2d(nchw, kernel, stride, new Shape(0, 0), false).transpose(0, 2, 3, 1)};
        });
    }

    private Step resizeBilinear(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        boolean alignCorners = node.bool("align_corners");
        boolean halfPixel = node.bool("half_pixel_centers");
        long[] size = ints(in.get(1));
        return new Step(name, op, List.of(x), v -> {
            NDArray nhwc = v.get(x);
            NDManager scope = nhwc.getManager();
            long h = nhwc.getShape().get(1);
            long w = nhwc.getShape().get(2);
            // the matrices and the steps stay in x's scope (closed with it): autograd's backward pass reads them
            NDArray rowsT = scope.create(interpolation((int) h, (int) size[0], alignCorners, halfPixel), new Shape(h, size[0]));
            NDArray colsT = scope.create(interpolation((int) w, (int) size[1], alignCorners, halfPixel), new Shape(w, size[1]));
            NDArray across = nhwc.transpose(0, 3, 1, 2).matMul(colsT);            // (B, C, H, W')
            NDArray down = across.transpose(0, 1, 3, 2).matMul(rowsT);            // (B, C, W', H')
            return new NDArray[] {down.transpose(0, 3, 2, 1)};                    // (B, H', W', C)
        });
    }

    private Step reshape(TfjsGraphModel.Node node, List<String> in, String name, String op, String x) {
        long[] target = ints(in.get(1));
        return new Step(name, op, List.of(x), v -> {
            NDArray a = v.get(x);
            long[] shape = target.clone();
            if (shape.length > 0 && shape[0] == 1) shape[0] = a.getShape().get(0);
            return new NDArray[] {a.reshape(shape)};
        });
    }

    private long[] ints(String name) {
        TfjsGraphModel.Tensor t = folded.get(name);
        if (t == null) throw new IllegalArgumentException(name + " must be an integer constant");
        return t.longs();
    }

    /** A TF filter (kh, kw, in, out) as PyTorch's (out, in, kh, kw), contiguous. */
    static float[] oihw(TfjsGraphModel.Tensor hwio) {
        int kh = (int) hwio.shape()[0];
        int kw = (int) hwio.shape()[1];
        int ci = (int) hwio.shape()[2];
        int co = (int) hwio.shape()[3];
        float[] src = hwio.floats();
        float[] dst = new float[src.length];
        for (int u = 0; u < kh; u++) {
            for (int v = 0; v < kw; v++) {
                for (int c = 0; c < ci; c++) {
                    for (int o = 0; o < co; o++) {
                        dst[((o * ci + c) * kh + u) * kw + v] = src[((u * kw + v) * ci + c) * co + o];
                    }
                }
            }
        }
        return dst;
    }


    /** The integer parts of the graph (shape arithmetic), computed once. */
    static TfjsGraphModel.Tensor fold(TfjsGraphModel.Node node, List<TfjsGraphModel.Tensor> in) {
        switch (node.op()) {
            case "SparseToDense" -> {
                // (indices, output_shape, values, default): a dense array of default with values scattered in
                long[] shape = in.get(1).longs();
                long size = 1;
                for (long d : shape) size *= d;
                long[] dense = new long[(int) size];
                Arrays.fill(dense, in.get(3).longs()[0]);
                long[] indices = in.get(0).longs();
                long[] values = in.get(2).longs();
                int rank = shape.length;
                int count = (int) (indices.length / Math.max(1, rank));
                for (int k = 0; k < count; k++) {
                    long flat = 0;
                    for (int r = 0; r < rank; r++) flat = flat * shape[r] + indices[k * rank + r];
                    dense[(int) flat] = values.length == 1 ? values[0] : values[k];
                }
                return new TfjsGraphModel.Tensor(shape.clone(), null, dense);
            }
            case "Add", "AddV2" -> {
                long[] a = in.get(0).longs();
                long[] b = in.get(1).longs();
                long[] sum = new long[Math.max(a.length, b.length)];
                for (int i = 0; i < sum.length; i++) sum[i] = a[a.length == 1 ? 0 : i] + b[b.length == 1 ? 0 : i];
                return new TfjsGraphModel.Tensor(in.get(a.length >= b.length ? 0 : 1).shape(), null, sum);
            }
            case "Identity" -> {
                return in.get(0);
            }
            default -> throw new IllegalArgumentException("cannot fold integer " + node.op() + " (" + node.name() + ")");
        }
    }


    /**
     * TensorFlow's bilinear resize along one axis as an (in × out) matrix M, so that resizing is
     * y = x·M: output o samples the input at f = r·(o + ½) − ½ with half-pixel centres (r·o
     * otherwise), r = in/out ((in − 1)/(out − 1) with aligned corners), and mixes its two neighbours
     * ⌊f⌋ (at least 0) and ⌈f⌉ (at most in − 1) by the fraction f − ⌊f⌋, exactly as TF.js's CPU kernel.
     */
    static float[] interpolation(int in, int out, boolean alignCorners, boolean halfPixel) {
        double ratio = alignCorners && out > 1 ? (in - 1.0) / (out - 1.0) : (double) in / out;
        float[] m = new float[in * out];
        for (int o = 0; o < out; o++) {
            double f = halfPixel ? ratio * (o + 0.5) - 0.5 : ratio * o;
            int lo = (int) Math.max(0, Math.floor(f));
            int hi = (int) Math.min(in - 1, Math.ceil(f));
            double frac = f - lo;
            m[lo * out + o] += (float) (1 - frac);
            m[hi * out + o] += (float) frac;
        }
        return m;
    }

    private static void requireNhwc(TfjsGraphModel.Node node) {
        String format = node.string("data_format");
        if (format != null && !format.equals("NHWC")) throw new IllegalArgumentException(node.name() + ": data_format " + format);
    }

    /** TensorFlow's SAME padding: total (⌈n/s⌉ − 1)·s + d·(k − 1) + 1 − n, the smaller half first. */
    private static NDArray samePad(NDArray nchw, long kh, long kw, long sh, long sw, long dh, long dw) {
        long h = nchw.getShape().get(2);
        long w = nchw.getShape().get(3);
        long ph = Math.max(0, ((h + sh - 1) / sh - 1) * sh + dh * (kh - 1) + 1 - h);
        long pw = Math.max(0, ((w + sw - 1) / sw - 1) * sw + dw * (kw - 1) + 1 - w);
        if (ph == 0 && pw == 0) return nchw;
        return nchw.pad(new Shape(pw / 2, pw - pw / 2, ph / 2, ph - ph / 2), 0);
    }
}
