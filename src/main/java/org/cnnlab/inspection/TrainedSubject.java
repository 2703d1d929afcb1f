package org.cnnlab.inspection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.inspection.saliency.GradCam;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.ChannelsLast;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.TensorShape;

/**
 * A model trained in the app: built from its network spec, so every layer can be run and shown on
 * its own. With {@code kept} (not null), the built model is kept for the next request under the
 * identity of its parameters (a run's model is one object for as long as the run is listed).
 */
public record TrainedSubject(TrainedModel model, ModelRunner runner, OpenNetworks kept) implements Subject {

    public TrainedSubject(TrainedModel model, ModelRunner runner) {
        this(model, runner, null);
    }

    @Override
    public List<String> classes() {
        return model.classes();
    }

    @Override
    public TensorShape input() {
        return model.network().input();
    }

    @Override
    public int camLayer() {
        return GradCam.defaultLayer(model.network());
    }

    @Override
    public void price(int batch, long passes, boolean gradients) {
        if (gradients) runner.priceGradients(model, batch, passes);
        else runner.priceForward(model, batch, passes);
    }

    @Override
    public OpenNetwork open() {
        if (kept == null) return opened();
        return kept.acquire(new Identity(model.parameters()), this::opened);
    }

    /** The built model with its weights fixed: saliency needs ∂/∂x only, so no backward pass spends time on ∂/∂W. */
    private Opened opened() {
        ModelRunner.Loaded loaded = runner.open(model);
        for (var p : loaded.block().getParameters().values()) p.getArray().setRequiresGradient(false);
        return new Opened(loaded, model);
    }

    /** A key equal only to itself: the same parameters object. */
    private record Identity(Object of) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && i.of == of;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(of);
        }
    }

    private record Opened(ModelRunner.Loaded loaded, TrainedModel model) implements OpenNetwork {

        @Override
        public NDManager scope() {
            return loaded.model().getNDManager().newSubManager();
        }

        private ParameterStore store(NDArray a) {
            return new ParameterStore(a.getManager(), false);
        }

        @Override
        public NDArray logits(NDArray x) {
            return loaded.block().forward(store(x), new NDList(x), false).singletonOrThrow();
        }

        @Override
        public boolean batchedGradients() {
            return true;
        }

        @Override
        public int depth() {
            return loaded.block().getChildren().size();
        }

        @Override
        public NDArray layers(NDArray a, int from, int to) {
            List<Block> blocks = loaded.block().getChildren().values();
            ParameterStore store = store(a);
            if (from == 0) a = ChannelsLast.Network.input(a);
            for (int i = from; i < to; i++) a = blocks.get(i).forward(store, new NDList(a), false).singletonOrThrow();
            return a;
        }

        @Override
        public Insides insides(NDArray x) {
            List<Named> out = new ArrayList<>();
            ParameterStore store = store(x);
            NDArray a = ChannelsLast.Network.input(x);
            int i = 0;
            for (Block layer : loaded.block().getChildren().values()) {
                a = layer.forward(store, new NDList(a), false).singletonOrThrow();
                out.add(new Named(LayerSpec.type(model.network().layers().get(i++)), true, a));
            }
            return new Insides(out, a);
        }

        @Override
        public NDArray[] firstFilters(NDManager scope) {
            for (Block layer : loaded.block().getChildren().values()) {
                if (!(layer instanceof Conv2d)) continue;
                NDArray w = null;
                NDArray b = null;
                for (var p : layer.getParameters()) {
                    if (p.getValue().getType() == Parameter.Type.WEIGHT) w = p.getValue().getArray();
                    if (p.getValue().getType() == Parameter.Type.BIAS) b = p.getValue().getArray();
                }
                return w == null ? null : new NDArray[] {w, b};
            }
            return null;
        }

        @Override
        public void close() {
            loaded.close();
        }
    }
}
