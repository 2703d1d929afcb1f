package org.cnnlab.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.NoopTranslator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.TensorShape;
import org.springframework.stereotype.Component;

/** Runs a {@link TrainedModel} on one image: softmax(z) of its logits, in a model closed right after. */
@Component
public class ModelRunner {

    private final NetworkFactory factory;

    public ModelRunner(NetworkFactory factory) {
        this.factory = factory;
    }

    /** @param pixels C×H×W values in 0…1, the network's input shape */
    public double[] probabilities(TrainedModel trained, float[] pixels) {
        TensorShape in = trained.network().input();
        try (Model model = Model.newInstance("cnnlab-predict", Device.cpu(), "PyTorch")) {
            Block block = factory.build(trained.network());
            model.setBlock(block);
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(trained.parameters())));
            try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
                NDArray x = model.getNDManager().create(pixels, new Shape(1, in.channels(), in.height(), in.width()));
                float[] p = predictor.predict(new NDList(x)).singletonOrThrow().softmax(-1).toFloatArray();
                double[] out = new double[p.length];
                for (int i = 0; i < p.length; i++) out[i] = p[i];
                return out;
            }
        } catch (IOException | ai.djl.MalformedModelException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        } catch (ai.djl.translate.TranslateException e) {
            throw new IllegalStateException(e);
        }
    }
}
