package org.cnnlab.inspection;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.FloatBuffer;
import java.util.List;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.models.TrainingRecord;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkSpec;

/** Models whose weights the tests set by hand, so the right saliency answer is known. */
final class HandSetModels {

    private HandSetModels() {
    }

    /** Builds the network, sets each parameter (in the block's order) to the given values, and keeps it as a trained model. */
    static TrainedModel model(NetworkSpec spec, List<String> classes, List<float[]> values) throws Exception {
        SequentialBlock block = new NetworkFactory(NetworkLimits.defaults()).build(spec);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            var in = spec.input();
            block.initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
            int i = 0;
            for (Parameter p : block.getParameters().values()) {
                float[] v = values.get(i++);
                if (v.length != p.getArray().size()) throw new IllegalArgumentException(p.getName() + " has " + p.getArray().size() + " values");
                p.getArray().set(FloatBuffer.wrap(v));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return new TrainedModel(spec, classes, bytes.toByteArray(),
                    new TrainingRecord("hand", "hand", OptimizerSpec.sgd(0.1), 1, 1, 1, List.of(), Double.NaN, false, 0));
        }
    }
}
