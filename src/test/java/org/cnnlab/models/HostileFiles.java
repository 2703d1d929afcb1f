package org.cnnlab.models;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;

/** Model files a hostile student would upload, made with the app's own file format (for the hostile harness). */
public final class HostileFiles {

    private HostileFiles() {
    }

    /**
     * A whole, valid {@code .cnnlab} file: {@code filters} 3×3 filters → ReLU → global average
     * pooling → 5 classes, with freshly initialised weights, its input declared side×side (the
     * weights of a network ending in global average pooling fit any input size).
     */
    public static byte[] relabelledModel(int side, int filters) throws IOException {
        NetworkSpec small = NetworkSpec.of(TensorShape.image(1, 28, 28), LayerSpec.Conv2d.of(filters, 3),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(5));
        byte[] parameters;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            SequentialBlock block = new NetworkFactory(NetworkLimits.defaults()).build(small);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            parameters = bytes.toByteArray();
        }
        NetworkSpec declared = new NetworkSpec(small.version(), TensorShape.image(1, side, side), small.layers());
        TrainingRecord record = new TrainingRecord("shapes-easy", "builder", OptimizerSpec.adam(0.01), 32, 1, 1, List.of(), 0.2, false, 1);
        return ModelFile.write(new ModelFile.Contents(side == 28 ? "keep" : "bomb", Instant.now(),
                new TrainedModel(declared, List.of("circle", "square", "triangle", "cross", "ring"), parameters, record)));
    }
}
