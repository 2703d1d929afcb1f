package org.cnnlab.pretrained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.DjlRuntime;
import org.springframework.stereotype.Service;

/**
 * The one owner of the pretrained NanoDet: loaded on first use (about 7.6 MB of float16 weights,
 * once per JVM) and closed when the application stops. Each request runs in its own scope and
 * returns plain Java values.
 */
@Service
public class PretrainedService {

    private final DjlRuntime djl;
    private NanoDet model;
    private boolean closed;
    /** Forward passes through NanoDet at once: each holds its 416×416 activations in native memory while it runs. */
    private final Semaphore passes = new Semaphore(2, true);

    public PretrainedService(DjlRuntime djl) {
        this.djl = djl;
    }

    /** Whether this build ships the model. */
    public boolean available() {
        return NanoDet.shipped();
    }

    /** The loaded model; callers run it in a scope of their own ({@link #scope}). */
    public synchronized NanoDet model() {
        if (closed) throw new IllegalStateException("the application is stopping");
        if (model == null) model = NanoDet.load(djl.newScope());
        return model;
    }

    public NDManager scope() {
        return djl.newScope();
    }

    /**
     * x (B, 3, 416, 416) through the model, at most two passes at once for the whole server (the
     * rest wait their turn), so a class opening the page together cannot run the native memory out.
     */
    public NanoDet.Heads forward(NDArray x, Collection<String> taps) {
        NanoDet net = model();
        passes.acquireUninterruptibly();
        try {
            return net.forward(x, taps);
        } finally {
            passes.release();
        }
    }

    /** What one 1×3×416×416 image costs, measured once on the loaded model: every computed node's output bytes, and the weights' bytes. */
    public record Footprint(long activationBytesPerImage, long parameterBytes) {
    }

    private Footprint footprint;

    /** Measured on first use with a forward pass of zeros that keeps every node's output. */
    public synchronized Footprint footprint() {
        if (footprint == null) {
            NanoDet net = model();
            try (NDManager scope = scope(); Autograd.Held noGrad = Autograd.withoutGradients()) {
                NanoDet.Heads heads = net.forward(scope.zeros(new Shape(1, 3, NanoDet.SIDE, NanoDet.SIDE)), net.nodes());
                long activations = heads.taps().values().stream().distinct().mapToLong(a -> a.size() * Float.BYTES).sum();
                footprint = new Footprint(activations, net.parameterBytes());
            }
        }
        return footprint;
    }

    /** One class's best score anywhere in the photo, with where it was. */
    public record ClassScore(int index, String label, float score, int stride, int position) {
    }

    /** Every class-score and box value for one photo, copied out: scores[s] is (N_s × 80), boxes[s] is (N_s × 44), row-major, s over strides 8/16/32. */
    public record Outputs(List<float[]> scores, List<float[]> boxes) {
    }

    /** The six heads for one input (3×416×416 in 0…1, channels first), without gradients. */
    public Outputs outputs(float[] chw) {
        try (NDManager scope = scope(); Autograd.Held noGrad = Autograd.withoutGradients()) {
            NDArray x = scope.create(chw, new Shape(1, 3, NanoDet.SIDE, NanoDet.SIDE));
            NanoDet.Heads heads = forward(x, List.of());
            return new Outputs(heads.scores().stream().map(NDArray::toFloatArray).toList(), heads.boxes().stream().map(NDArray::toFloatArray).toList());
        }
    }

    /** The classes ordered by their best score over all positions of all three grids, best first. */
    public List<ClassScore> topClasses(Outputs outputs, int count) {
        List<String> labels = model().labels();
        int classes = labels.size();
        List<ClassScore> best = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            ClassScore top = null;
            for (int s = 0; s < NanoDet.STRIDES.length; s++) {
                float[] scores = outputs.scores().get(s);
                for (int p = 0; p < scores.length / classes; p++) {
                    float v = scores[p * classes + c];
                    if (top == null || v > top.score()) top = new ClassScore(c, labels.get(c), v, NanoDet.STRIDES[s], p);
                }
            }
            best.add(top);
        }
        best.sort(Comparator.comparingDouble(ClassScore::score).reversed());
        return List.copyOf(best.subList(0, Math.min(count, best.size())));
    }

    @PreDestroy
    public synchronized void close() {
        closed = true;
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
