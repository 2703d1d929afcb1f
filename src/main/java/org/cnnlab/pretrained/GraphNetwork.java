package org.cnnlab.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A TensorFlow graph (from a {@link TfjsGraphModel}) run op by op on DJL arrays, so PyTorch's
 * autograd records every step and gradients flow back to the input. Each op keeps TensorFlow's
 * meaning: a 2-D convolution in NHWC with an HWIO filter is computed as PyTorch's NCHW convolution
 * y[n,o,i,j] = b[o] + Σ_{c,u,v} w[o,c,u,v]·x[n, g·C/G + c, s·i + d·u, s·j + d·v] on a transposed view
 * (G groups when the filter has fewer input channels than the input); ResizeBilinear with
 * half-pixel centres samples the input at (i + ½)·in/out − ½, as PyTorch's bilinear interpolation
 * without aligned corners does. Integer-only parts (the shapes of Reshape) are folded to constants
 * when the graph is built, and the graph was traced at batch 1, so a Reshape target's leading 1 is
 * read as the batch size.
 *
 * <p>Constants live in this network's own manager, closed by {@link #close}. Everything a forward
 * pass makes lives in the input's manager, and intermediate values not asked for are closed as
 * soon as their last consumer has run (PyTorch's autograd keeps what a backward pass needs).
 */
public final class GraphNetwork implements AutoCloseable {

    /** TF ops this runner executes; any other op in a graph is refused when the network is built. */
    public static final Set<String> OPS = Set.of("Placeholder", "Const", "Identity", "Conv2D", "Add", "AddV2", "Pad", "PadV2",
            "LeakyRelu", "Sigmoid", "Transpose", "ConcatV2", "ResizeBilinear", "SplitV", "MaxPool", "Reshape", "SparseToDense");

    private final NDManager manager;
    private final String input;
    private final long[] inputShape;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, NDArray> constants = new HashMap<>();
    private final Map<String, Integer> lastUse = new HashMap<>();
    private final List<String> outputs;

    /** One op ready to run: it reads values by name and returns its outputs ("name", "name:1", …). */
    private record Step(String name, String op, List<String> reads, Function<Map<String, NDArray>, NDArray[]> run) {
    }

    public GraphNetwork(TfjsGraphModel model, NDManager manager) {
        this.manager = manager;
        if (model.inputs().size() != 1) throw new IllegalArgumentException("one input expected, got " + model.inputs().keySet());
        this.input = model.inputs().keySet().iterator().next();
        this.inputShape = model.inputs().get(input);
        this.outputs = List.copyOf(model.outputs().keySet());
        Map<String, TfjsGraphModel.Node> byName = new LinkedHashMap<>();
        for (TfjsGraphModel.Node node : model.nodes()) {
            if (!OPS.contains(node.op())) throw new IllegalArgumentException("op " + node.op() + " (" + node.name() + ") is not supported");
            byName.put(node.name(), node);
        }
        Map<String, TfjsGraphModel.Tensor> folded = new HashMap<>(model.ints());
        try {
            for (TfjsGraphModel.Node node : order(byName, outputs)) {
                build(node, model, folded);
            }
        } catch (RuntimeException e) {
            constants.values().forEach(NDArray::close);
            throw e;
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String read : steps.get(i).reads()) lastUse.put(read, i);
        }
        constants.keySet().removeIf(name -> {
            boolean unused = !lastUse.containsKey(name);
            if (unused) constants.get(name).close();
            return unused;
        });
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

    public String inputName() {
        return input;
    }

    /** The input shape the graph declares, e.g. (1, 3, 416, 416). */
    public long[] inputShape() {
        return inputShape.clone();
    }

    public List<String> outputNames() {
        return outputs;
    }

    /** The names of the nodes that are computed (not constants), in execution order. */
    /** The bytes of the constants the graph keeps (its weights, as float32). */
    public long constantBytes() {
        return constants.values().stream().mapToLong(a -> a.size() * a.getDataType().getNumOfBytes()).sum();
    }

    public List<String> stepNames() {
        return steps.stream().map(Step::name).toList();
    }

    /**
     * Runs the graph on x and returns the signature's outputs and the {@code taps} (node names),
     * all in x's manager. x is (B, …) with the declared shape but any batch size B.
     */
    public Map<String, NDArray> run(NDArray x, Collection<String> taps) {
        long[] shape = x.getShape().getShape();
        if (shape.length != inputShape.length || !Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), Arrays.copyOfRange(inputShape, 1, inputShape.length))) {
            throw new IllegalArgumentException("input " + x.getShape() + " does not match " + Arrays.toString(inputShape));
        }
        Set<String> keep = new HashSet<>(outputs);
        keep.addAll(taps);
        Map<String, NDArray> values = new HashMap<>(constants);
        values.put(input, x);
        // how many live names refer to each computed array (Identity gives one array a second name)
        Map<NDArray, Integer> names = new IdentityHashMap<>();
        Set<NDArray> kept = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        kept.add(x);
        Map<String, NDArray> result = new LinkedHashMap<>();
        try {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                NDArray[] out = step.run().apply(values);
                for (int k = 0; k < out.length; k++) {
                    String name = k == 0 ? step.name() : step.name() + ":" + k;
                    values.put(name, out[k]);
                    names.merge(out[k], 1, Integer::sum);
                    if (keep.contains(name)) {
                        kept.add(out[k]);
                        result.put(name, out[k]);
                    }
                }
                for (String read : step.reads()) {
                    if (lastUse.get(read) == i && !constants.containsKey(read) && !read.equals(input)) {
                        NDArray done = values.remove(read);
                        if (done != null && names.merge(done, -1, Integer::sum) == 0 && !kept.contains(done)) done.close();
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("graph failed: " + e.getMessage(), e);
        }
        for (String tap : taps) {
            if (!result.containsKey(tap)) throw new IllegalArgumentException("no node " + tap + " is computed");
        }
        return result;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Depth-first from the outputs: every node after its inputs. */
    private static List<TfjsGraphModel.Node> order(Map<String, TfjsGraphModel.Node> byName, List<String> outputs) {
        List<TfjsGraphModel.Node> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> open = new HashSet<>();
        for (String out : outputs) visit(base(out), byName, done, open, ordered);
        return ordered;
    }

    private static void visit(String name, Map<String, TfjsGraphModel.Node> byName, Set<String> done, Set<String> open, List<TfjsGraphModel.Node> ordered) {
        if (done.contains(name)) return;
        if (!open.add(name)) throw new IllegalArgumentException("cycle at " + name);
        TfjsGraphModel.Node node = byName.get(name);
        if (node == null) throw new IllegalArgumentException("unknown node " + name);
        // iterative would be kinder to the stack; this graph is ~500 nodes deep at most
        for (String in : node.inputs()) visit(base(in), byName, done, open, ordered);
        open.remove(name);
        done.add(name);
        ordered.add(node);
    }

    private static String base(String ref) {
        int colon = ref.indexOf(':');
        return colon < 0 ? ref : ref.substring(0, colon);
    }

    /** "name:0" is "name". */
    private static String ref(String ref) {
        return ref.endsWith(":0") ? ref.substring(0, ref.length() - 2) : ref;
    }

    private void build(TfjsGraphModel.Node node, TfjsGraphModel model, Map<String, TfjsGraphModel.Tensor> folded) {
        List<String> in = node.inputs().stream().map(GraphNetwork::ref).toList();
        switch (node.op()) {
            case "Placeholder" -> {
                if (!node.name().equals(input)) throw new IllegalArgumentException("placeholder " + node.name() + " is not the signature's input");
            }
            case "Const" -> {
                TfjsGraphModel.Tensor f = model.floats().get(node.name());
                if (f != null) constants.put(node.name(), manager.create(f.floats(), new Shape(f.shape())));
                else if (!folded.containsKey(node.name())) throw new IllegalArgumentException("constant " + node.name() + " has no weights");
            }
            default -> {
                if (!in.isEmpty() && in.stream().allMatch(folded::containsKey)) {
                    folded.put(node.name(), fold(node, in.stream().map(folded::get).toList()));
                } else {
                    steps.add(step(node, in, model, folded));
                }
            }
        }
    }

    /** The integer parts of the graph (shape arithmetic), computed once. */
    private static TfjsGraphModel.Tensor fold(TfjsGraphModel.Node node, List<TfjsGraphModel.Tensor> in) {
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

    private long[] ints(Map<String, TfjsGraphModel.Tensor> folded, String name) {
        TfjsGraphModel.Tensor t = folded.get(name);
        if (t == null) throw new IllegalArgumentException(name + " must be an integer constant");
        return t.longs();
    }

    private Step step(TfjsGraphModel.Node node, List<String> in, TfjsGraphModel model, Map<String, TfjsGraphModel.Tensor> folded) {
        String name = node.name();
        String op = node.op();
        String x = in.isEmpty() ? null : in.get(0);
        switch (op) {
            case "Identity" -> {
                return new Step(name, op, List.of(x), v -> new NDArray[] {v.get(x)});
            }
            case "Conv2D" -> {
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
            case "Add", "AddV2" -> {
                String a = in.get(0);
                String b = in.get(1);
                // the result lives with the first operand: keep it the computed value, not a constant
                boolean swap = constants.containsKey(a) && !constants.containsKey(b);
                String first = swap ? b : a;
                String second = swap ? a : b;
                return new Step(name, op, List.of(a, b), v -> new NDArray[] {v.get(first).add(v.get(second))});
            }
            case "Pad", "PadV2" -> {
                long[] p = ints(folded, in.get(1));
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
            case "LeakyRelu" -> {
                float alpha = node.number("alpha", 0.2f);
                return new Step(name, op, List.of(x), v -> new NDArray[] {Activation.leakyRelu(v.get(x), alpha)});
            }
            case "Sigmoid" -> {
                return new Step(name, op, List.of(x), v -> new NDArray[] {Activation.sigmoid(v.get(x))});
            }
            case "Transpose" -> {
                int[] perm = Arrays.stream(ints(folded, in.get(1))).mapToInt(Math::toIntExact).toArray();
                return new Step(name, op, List.of(x), v -> new NDArray[] {v.get(x).transpose(perm)});
            }
            case "ConcatV2" -> {
                List<String> parts = in.subList(0, in.size() - 1);
                int axis = Math.toIntExact(ints(folded, in.get(in.size() - 1))[0]);
                return new Step(name, op, List.copyOf(parts), v -> {
                    NDList list = new NDList();
                    for (String part : parts) list.add(v.get(part));
                    return new NDArray[] {NDArrays.concat(list, axis)};
                });
            }
            case "SplitV" -> {
                long[] sizes = ints(folded, in.get(1));
                int axis = Math.toIntExact(ints(folded, in.get(2))[0]);
                long[] at = new long[sizes.length - 1];
                for (int k = 0, sum = 0; k < at.length; k++) at[k] = sum += (int) sizes[k];
                return new Step(name, op, List.of(x), v -> v.get(x).split(at, axis).toArray(new NDArray[0]));
            }
            case "MaxPool" -> {
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
            case "ResizeBilinear" -> {
                boolean alignCorners = node.bool("align_corners");
                boolean halfPixel = node.bool("half_pixel_centers");
                long[] size = ints(folded, in.get(1));
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
            case "Reshape" -> {
                long[] target = ints(folded, in.get(1));
                return new Step(name, op, List.of(x), v -> {
                    NDArray a = v.get(x);
                    long[] shape = target.clone();
                    if (shape.length > 0 && shape[0] == 1) shape[0] = a.getShape().get(0);
                    return new NDArray[] {a.reshape(shape)};
                });
            }
            default -> throw new IllegalArgumentException("op " + op + " (" + name + ") on computed values is not supported");
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
