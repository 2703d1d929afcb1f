package org.cnnlab.models;

import java.util.List;
import org.cnnlab.network.NetworkSpec;

/**
 * A finished model as plain data: its network, its classes, its learned parameters in DJL's own
 * serialised form, and how it was trained. Holding one costs heap, not native memory; a prediction
 * builds the block, loads the parameters in a scope and closes it.
 */
public record TrainedModel(NetworkSpec network, List<String> classes, byte[] parameters, TrainingRecord record) {

    public TrainedModel {
        classes = List.copyOf(classes);
    }
}
