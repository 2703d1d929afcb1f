package org.cnnlab.network;

import java.util.List;

/** What the builder shows after an edit: the spec, its analysis, its training price (null while a layer is broken), its code, and the student's saved designs. */
public record NetworkDesign(NetworkSpec spec, NetworkAnalysis analysis, DesignPrice price, String pytorch, String djl, List<String> saved) {

    public NetworkDesign {
        saved = List.copyOf(saved);
    }

    /** The layer's share of the trainable parameters, 0…1 (0 for an empty or broken network). */
    public double share(LayerReport layer) {
        long total = analysis.trainable();
        return total == 0 ? 0 : (double) layer.trainable() / total;
    }
}
