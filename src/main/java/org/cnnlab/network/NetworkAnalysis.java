package org.cnnlab.network;

import java.util.List;

/** Every layer's report and the totals; {@code valid} is false when some layer cannot take its input. */
public record NetworkAnalysis(NetworkSpec spec, List<LayerReport> layers) {

    public NetworkAnalysis {
        layers = List.copyOf(layers);
    }

    public boolean valid() {
        return layers.stream().noneMatch(LayerReport::failed);
    }

    public long trainable() {
        return layers.stream().mapToLong(LayerReport::trainable).sum();
    }

    public long buffers() {
        return layers.stream().mapToLong(LayerReport::buffers).sum();
    }

    public long macs() {
        return layers.stream().mapToLong(LayerReport::macs).sum();
    }

    public long activationBytes() {
        return layers.stream().mapToLong(LayerReport::activationBytes).sum();
    }

    /** The shape the network produces, or null when a layer failed. */
    public TensorShape output() {
        if (!valid()) return null;
        return layers.isEmpty() ? spec.input() : layers.getLast().output();
    }
}
