package org.cnnlab.inspection;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValue;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.network.TensorShape;

/**
 * A TorchScript model file (a network exported elsewhere with {@code torch.jit.script} or
 * {@code torch.jit.trace} and {@code torch.jit.save}), opened for prediction and saliency. TorchScript
 * gives the app one opaque {@code forward}, so the layers are not reachable one by one: the feature
 * maps shown are those the model's own {@code feature_maps(x)} method returns (a list of tensors or
 * a dict from names to tensors), when it has one, and Grad-CAM is not offered.
 *
 * @param id          how the page refers to it ({@code shared:<file>} or {@code own:<n>})
 * @param featureMaps whether the module has a {@code feature_maps} method
 * @param kept        where the loaded module waits for the next request (null: each request loads its own)
 */
public record TorchScriptModel(String id, String name, Path file, List<String> classes, TensorShape input, boolean featureMaps,
                               OpenNetworks kept) implements Subject {

    public static final String FEATURE_MAPS = "feature_maps";

    @Override
    public int camLayer() {
        return -1;
    }

    /** The loaded module, kept for the next request when {@code kept} is set (keyed by the file and its time, so a replaced file loads anew). */
    @Override
    public OpenNetwork open() {
        if (kept == null) return new Opened(load(file), featureMaps);
        long modified;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new InvalidInputException("models.error.unknown");
        }
        return kept.acquire(List.of(file, modified), () -> new Opened(load(file), featureMaps));
    }

    /** The module and the manager its arrays live in, both closed by the owner. Evaluation behaviour, parameters able to carry gradients. */
    static Loaded load(Path file) {
        NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        try {
            PtSymbolBlock block = JniUtils.loadModule((PtNDManager) manager, file, true, new String[0], new String[0], true);
            JniUtils.enableInferenceMode(block);
            return new Loaded(manager, block);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The module's own {@code feature_maps(x)}: a list or tuple of tensors (in order), a dict by name
     * (sorted by name: the engine does not keep a dict's order), or one tensor; as float arrays in
     * x's scope. Anything else is refused.
     */
    static List<OpenNetwork.Named> featureMaps(PtSymbolBlock block, NDArray x) {
        PtNDManager scope = (PtNDManager) x.getManager();
        List<OpenNetwork.Named> shown = new ArrayList<>();
        try (IValue in = IValue.from((PtNDArray) x); IValue out = IValueUtils.runMethod(block, FEATURE_MAPS, in)) {
            if (out.isMap()) {
                Map<String, IValue> byName = out.toIValueMap();
                try {
                    for (String name : new TreeSet<>(byName.keySet())) shown.add(new OpenNetwork.Named(name, false, tensor(byName.get(name), scope)));
                } finally {
                    byName.values().forEach(IValue::close);
                }
            } else if (out.isTensor()) {
                shown.add(new OpenNetwork.Named(FEATURE_MAPS, false, tensor(out, scope)));
            } else if (out.isTensorList() || out.isList() || out.isTuple()) {
                IValue[] items = out.isTuple() ? out.toIValueTuple() : out.toIValueArray();
                try {
                    for (int i = 0; i < items.length; i++) shown.add(new OpenNetwork.Named(FEATURE_MAPS + "[" + i + "]", false, tensor(items[i], scope)));
                } finally {
                    for (IValue v : items) v.close();
                }
            } else {
                throw new IllegalArgumentException("feature_maps returned " + out.getType());
            }
        }
        return shown;
    }

    private static NDArray tensor(IValue v, PtNDManager scope) {
        if (!v.isTensor()) throw new IllegalArgumentException("not a tensor: " + v.getType());
        return v.toTensor(scope).toType(DataType.FLOAT32, false);
    }

    record Loaded(NDManager manager, PtSymbolBlock block) implements AutoCloseable {
        @Override
        public void close() {
            block.close();
            manager.close();
        }
    }

    private record Opened(Loaded loaded, boolean featureMaps) implements OpenNetwork {

        @Override
        public NDManager scope() {
            return loaded.manager().newSubManager();
        }

        /** {@code training = true} only keeps autograd on; the module itself stays in evaluation mode (set once at load). */
        @Override
        public NDArray logits(NDArray x) {
            NDList out = IValueUtils.forward(loaded.block(), new NDList(x), true);
            if (out.size() != 1 || out.head().getShape().dimension() != 2) throw new InvalidInputException("torchscript.error.output");
            return out.head();
        }

        @Override
        public boolean batchedGradients() {
            return false;
        }

        @Override
        public int depth() {
            return 0;
        }

        @Override
        public NDArray layers(NDArray a, int from, int to) {
            throw new UnsupportedOperationException("a TorchScript model is one block");
        }

        @Override
        public Insides insides(NDArray x) {
            List<Named> shown = featureMaps ? TorchScriptModel.featureMaps(loaded.block(), x) : List.of();
            return new Insides(shown, logits(x));
        }

        @Override
        public NDArray[] firstFilters(NDManager scope) {
            NDList parameters = JniUtils.moduleGetParams(loaded.block(), (PtNDManager) scope);
            for (NDArray p : parameters) {
                long[] s = p.getShape().getShape();
                if (s.length == 4 && s[2] == s[3] && s[2] <= 15) {
                    String bias = p.getName() == null ? null : p.getName().replaceAll("weight$", "bias");
                    NDArray b = parameters.stream().filter(q -> q.getName() != null && q.getName().equals(bias)).findFirst().orElse(null);
                    return new NDArray[] {p, b};
                }
            }
            return null;
        }

        @Override
        public void close() {
            loaded.close();
        }
    }
}
