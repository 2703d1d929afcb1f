package org.cnnlab.training;

import java.util.List;
import org.cnnlab.network.NetworkSpec;

/**
 * A finished model as plain data: its network, its classes and its learned parameters in DJL's
 * own serialised form. Holding one costs heap, not native memory; a prediction builds the block,
 * loads the parameters in a scope and closes it.
 */
public record TrainedModel(NetworkSpec network, List<String> classes, byte[] parameters) {
}
