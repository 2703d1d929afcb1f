package org.cnnlab.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    private final List<TfOps.Step> steps = new ArrayList<>();
    private final Map<String, NDArray> constants = new HashMap<>();
    private final Map<String, Integer> lastUse = new HashMap<>();
    private final List<String> outputs;

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
        TfOps ops = new TfOps(manager, constants, model, folded);
        try {
            for (TfjsGraphModel.Node node : order(byName, outputs)) {
                build(node, model, folded, ops);
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
        return steps.stream().map(TfOps.Step::name).toList();
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
        Set<NDArray> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.add(x);
        Map<String, NDArray> result = new LinkedHashMap<>();
        try {
            for (int i = 0; i < steps.size(); i++) {
                TfOps.Step step = steps.get(i);
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

    private void build(TfjsGraphModel.Node node, TfjsGraphModel model, Map<String, TfjsGraphModel.Tensor> folded, TfOps ops) {
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
                    folded.put(node.name(), TfOps.fold(node, in.stream().map(folded::get).toList()));
                } else {
                    steps.add(ops.step(node, in));
                }
            }
        }
    }
}
