package org.cnnlab.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.network.Budget;
import org.cnnlab.network.BudgetLimits;
import org.cnnlab.network.NetworkAnalysis;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.TensorShape;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** Runs a {@link TrainedModel} on one image: softmax(z) of its logits, in a model closed right after. */
@Component
public class ModelRunner {

    private final NetworkFactory factory;
    private final Budget budget;

    public ModelRunner(NetworkFactory factory) {
        this(factory, new Budget(BudgetLimits.defaults()));
    }

    @Autowired
    public ModelRunner(NetworkFactory factory, Budget budget) {
        this.factory = factory;
        this.budget = budget;
    }

    /**
     * Refuses, before anything is built, running {@code passes} forward passes of the model in
     * batches of {@code batch} when that is over the server's budget (a valid file can declare a
     * 1,024×1,024 input to a network of thousands of filters).
     */
    public void priceForward(TrainedModel trained, int batch, long passes) {
        budget.checkForward(analysis(trained), batch, passes);
    }

    /** As {@link #priceForward}, with a backward pass to the input for each (saliency). */
    public void priceGradients(TrainedModel trained, int batch, long passes) {
        budget.checkGradients(analysis(trained), batch, passes);
    }

    private NetworkAnalysis analysis(TrainedModel trained) {
        NetworkAnalysis analysis = factory.analyse(trained.network());
        if (!analysis.valid()) throw new InvalidInputException("models.error.parameters");
        return analysis;
    }

    /**
     * Checks that a model from outside (an upload) is whole: its network builds within the limits,
     * its parameters load into it, and an all-zero image gives one finite probability per class.
     */
    public void check(TrainedModel trained) {
        TensorShape in = trained.network().input();
        priceForward(trained, 1, 2);   // checkShapes and the all-zero image
        double[] p;
        try {
            checkShapes(trained);
            p = probabilities(trained, new float[Math.toIntExact(in.size())]);
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException | IOException | MalformedModelException e) {  // DJL's refusals of a parameter file that does not match the block
            throw new InvalidInputException("models.error.parameters");
        }
        if (p.length != trained.classes().size()) {
            throw new InvalidInputException("models.error.classes", p.length, trained.classes().size());
        }
        for (double v : p) {
            if (!Double.isFinite(v)) throw new InvalidInputException("models.error.parameters");
        }
    }

    /** DJL loads a parameter of any shape: compare each one with the shape the network gives it. */
    private void checkShapes(TrainedModel trained) throws IOException, MalformedModelException {
        TensorShape in = trained.network().input();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            Block block = factory.build(trained.network());
            block.initialize(manager, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
            List<Shape> expected = block.getParameters().values().stream().map(p -> p.getArray().getShape()).toList();
            block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(trained.parameters())));
            List<Shape> loaded = block.getParameters().values().stream().map(p -> p.getArray().getShape()).toList();
            if (!expected.equals(loaded)) throw new InvalidInputException("models.error.parameters");
        }
    }

    /** The share of {@code data} the model classifies right (batches of 64, no gradient). */
    public double accuracy(TrainedModel trained, LabelledImages data) {
        if (data.size() == 0) return Double.NaN;
        float[][] p = probabilities(trained, data);
        long right = 0;
        for (int i = 0; i < p.length; i++) if (argMax(p[i]) == data.labels()[i]) right++;
        return (double) right / data.size();
    }

    /** softmax(z) for every image of {@code data}: one model, batches of 64, no gradient. */
    public float[][] probabilities(TrainedModel trained, LabelledImages data) {
        priceForward(trained, Math.min(64, Math.max(1, data.size())), data.size());
        float[][] out = new float[data.size()][];
        try (Loaded loaded = open(trained)) {
            for (int start = 0; start < data.size(); start += 64) {
                LabelledImages b = data.slice(start, Math.min(start + 64, data.size()));
                try (NDManager s = loaded.model().getNDManager().newSubManager()) {
                    NDArray x = s.create(b.pixels(), new Shape(b.size(), b.channels(), b.height(), b.width()));
                    NDArray p = loaded.block().forward(new ParameterStore(s, false), new NDList(x), false).singletonOrThrow().softmax(-1);
                    float[] flat = p.toFloatArray();
                    int k = flat.length / b.size();
                    for (int i = 0; i < b.size(); i++) out[start + i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
                }
            }
        }
        return out;
    }

    public static int argMax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    /** A model built and loaded for code that needs its layers one by one (inspection); its owner closes it. */
    public record Loaded(Model model, SequentialBlock block) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    public Loaded open(TrainedModel trained) {
        Model model = Model.newInstance("cnnlab-inspect", Device.cpu(), "PyTorch");
        try {
            SequentialBlock block = factory.build(trained.network());
            model.setBlock(block);
            block.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(trained.parameters())));
            return new Loaded(model, block);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof InvalidInputException invalid) throw invalid;
            throw new InvalidInputException("models.error.parameters");
        }
    }

    /** @param pixels C×H×W values in 0…1, the network's input shape */
    public double[] probabilities(TrainedModel trained, float[] pixels) {
        priceForward(trained, 1, 1);
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
        } catch (IOException | MalformedModelException e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e));
        } catch (TranslateException e) {
            throw new IllegalStateException(e);
        }
    }
}
