package org.cnnlab.inspection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.MapRenderer;
import org.cnnlab.imaging.NetworkInput;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.TensorShape;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Runs a trained network one layer at a time on one input and keeps every layer's output: the
 * feature maps a^[l] the lecture shows for VGG's layers 1, 10 and 16, here for the student's own
 * network. The model is built, used and closed within the call.
 */
@Service
public class InspectionService {

    public static final int MAX_MAPS = 64;

    private final ModelRunner runner;
    private final ImageDecoder decoder;
    private final OpenNetworks kept;

    public InspectionService(ModelRunner runner, ImageDecoder decoder) {
        this(runner, decoder, null);
    }

    /** @param kept where built models wait for the next request (null: each request builds and closes its own) */
    @Autowired
    public InspectionService(ModelRunner runner, ImageDecoder decoder, OpenNetworks kept) {
        this.runner = runner;
        this.decoder = decoder;
        this.kept = kept;
    }

    /** The image (a drawing or an upload) as the network's input: C×H×W in 0…1, resized to the network's input. */
    public float[] input(Subject subject, byte[] image) {
        TensorShape in = subject.input();
        return NetworkInput.of(decoder.decode(image).image(), in.channels(), in.height(), in.width());
    }

    public float[] input(TrainedModel model, byte[] image) {
        return input(subject(model), image);
    }

    public Subject subject(TrainedModel model) {
        return new TrainedSubject(model, runner, kept);
    }

    public Inspection inspect(TrainedModel model, byte[] image) {
        return inspect(subject(model), image);
    }

    public Inspection inspect(Subject subject, byte[] image) {
        float[] x = input(subject, image);
        TensorShape in = subject.input();
        List<Inspection.Layer> layers = new ArrayList<>();
        double[] probabilities;
        List<Inspection.Filter> filters;
        subject.price(1, 1, false);
        try (OpenNetwork network = subject.open(); NDManager scope = network.scope(); Autograd.Held off = Autograd.withoutGradients()) {
            OpenNetwork.Insides insides = network.insides(scope.create(x, new Shape(1, in.channels(), in.height(), in.width())));  // (1, C, H, W)
            int i = 0;
            for (OpenNetwork.Named a : insides.layers()) layers.add(layer(i++, a));
            float[] p = insides.logits().softmax(-1).toFloatArray();                                                 // (1, classes)
            if (p.length != subject.classes().size()) throw new InvalidInputException("torchscript.error.classes", p.length, subject.classes().size());
            probabilities = new double[p.length];
            for (int c = 0; c < p.length; c++) probabilities[c] = p[c];
            filters = filters(network.firstFilters(scope));
        }
        return new Inspection(PngEncoder.encode(PixelImage.fromUnit(in.channels(), in.height(), in.width(), x)), layers, subject.classes(),
                probabilities, filters);
    }

    private static Inspection.Layer layer(int index, OpenNetwork.Named named) {
        NDArray a = named.value();
        return layer(index, named.name(), named.builderType(), a.getShape().getShape(), a.toFloatArray());
    }

    /** One layer's output as the page shows it: its range and, per channel (at most {@value #MAX_MAPS}), a PNG on the layer's shared scale. */
    public static Inspection.Layer layer(int index, String type, boolean builderType, long[] s, float[] values) {
        double scale = MapRenderer.maxAbs(values);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        List<byte[]> maps = new ArrayList<>();
        if (s.length == 4 && s[0] == 1) {
            int c = (int) s[1];
            int h = (int) s[2];
            int w = (int) s[3];
            for (int k = 0; k < Math.min(c, MAX_MAPS); k++) {
                float[] plane = Arrays.copyOfRange(values, k * h * w, (k + 1) * h * w);
                maps.add(MapRenderer.render(plane, h, w, Colormap.DIVERGING, scale).png());
            }
            return new Inspection.Layer(index, type, builderType, TensorShape.image(c, h, w), min, max, scale, maps, c);
        }
        maps.add(MapRenderer.render(values, 1, values.length, Colormap.DIVERGING, scale).png());
        return new Inspection.Layer(index, type, builderType, TensorShape.vector(values.length), min, max, scale, maps, 1);
    }

    /** The first convolution's kernels W (F, C, k, k), on one shared diverging scale, and their biases. */
    private static List<Inspection.Filter> filters(NDArray[] first) {
        if (first == null) return List.of();
        NDArray w = first[0];
        NDArray b = first[1];
        long[] s = w.getShape().getShape();
        int f = (int) s[0];
        int c = (int) s[1];
        int k = (int) s[2];
        float[] weights = w.toFloatArray();
        float[] bias = b == null ? new float[f] : b.toFloatArray();
        double scale = MapRenderer.maxAbs(weights);
        List<Inspection.Filter> out = new ArrayList<>();
        for (int i = 0; i < Math.min(f, MAX_MAPS); i++) {
            float[] strip = new float[k * k * c];   // the C kernels of filter i side by side: k rows of C·k
            for (int ch = 0; ch < c; ch++) {
                for (int r = 0; r < k; r++) {
                    for (int col = 0; col < k; col++) {
                        strip[r * c * k + ch * k + col] = weights[((i * c + ch) * k + r) * k + col];
                    }
                }
            }
            out.add(new Inspection.Filter(i, MapRenderer.render(strip, k, c * k, Colormap.DIVERGING, scale).png(), k,
                    Arrays.copyOfRange(weights, i * c * k * k, i * c * k * k + k * k), bias[i]));
        }
        return out;
    }

    /** Refuses an input that does not match the network (wrong size of a float array from elsewhere). */
    static void check(Subject model, float[] x) {
        TensorShape in = model.input();
        if (x.length != in.channels() * in.height() * in.width()) {
            throw new InvalidInputException("training.error.shape", in.toString(), x.length);
        }
    }
}
