package org.cnnlab.network;

import java.io.Serializable;
import java.util.List;

/** A network as data: the input shape (C, H, W) and the layers in order. Versioned for saving and sharing. */
public record NetworkSpec(int version, TensorShape input, List<LayerSpec> layers) implements Serializable {

    public static final int CURRENT_VERSION = 1;

    public NetworkSpec {
        layers = List.copyOf(layers);
    }

    public static NetworkSpec of(TensorShape input, LayerSpec... layers) {
        return new NetworkSpec(CURRENT_VERSION, input, List.of(layers));
    }
}
