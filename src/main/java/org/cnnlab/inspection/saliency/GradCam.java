package org.cnnlab.inspection.saliency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.Bilinear;
import org.cnnlab.inspection.OpenNetwork;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.ShapeInference;
import org.cnnlab.network.TensorShape;

/**
 * Grad-CAM (Selvaraju et al., "Grad-CAM: Visual Explanations from Deep Networks via Gradient-based
 * Localization", ICCV 2017): for a conv layer's maps A^k (k = 1…K, each h×w),
 * α_k = (1/hw) Σ_{i,j} ∂S_c/∂A^k_{ij} and L = ReLU(Σ_k α_k A^k), upsampled bilinearly to the input.
 * {@code layer} −1 takes the model's default ({@link #defaultLayer}). One forward and one backward pass
 * (the backward pass only from the output to that layer).
 */
public record GradCam(int classIndex, int layer) implements SaliencyRequest {

    @Override
    public Saliency.Method method() {
        return Saliency.Method.GRAD_CAM;
    }

    @Override
    public long check(Subject model, SaliencyLimits limits) {
        return Passes.oneGradientPass(model, limits);
    }

    /** The layer Grad-CAM uses by default: the last one whose output is still a grid (C, H, W with H, W > 1); −1 when there is none. */
    public static int defaultLayer(NetworkSpec network) {
        int found = -1;
        for (var report : new ShapeInference(NetworkLimits.defaults()).analyse(network).layers()) {
            TensorShape s = report.output();
            if (s != null && s.isImage() && s.height() > 1 && s.width() > 1) found = report.index();
        }
        return found;
    }

    @Override
    public Attribution compute(Computation c) {
        OpenNetwork network = c.network();
        TensorShape in = c.in();
        int at = layer >= 0 ? layer : c.model().camLayer();
        if (at < 0 || at >= network.depth() - 1) throw new InvalidInputException("saliency.error.noConv");
        try (NDManager s = network.scope()) {
            NDArray a = network.layers(s.create(c.x(), new Shape(1, in.channels(), in.height(), in.width())), 0, at + 1);
            if (a.getShape().dimension() != 4) throw new InvalidInputException("saliency.error.noConv");
            NDArray activations = a.duplicate();                                                          // A (1, K, h, w)
            activations.setRequiresGradient(true);
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = s.getEngine().newGradientCollector()) {
                NDArray z = network.layers(activations, at + 1, network.depth());
                collector.backward(z.get(":, " + classIndex).sum());
            }
            NDArray alpha = activations.getGradient().mean(new int[] {3}, true).mean(new int[] {2}, true);   // (1, K, 1, 1)
            NDArray cam = activations.mul(alpha).sum(new int[] {1}).maximum(0f).squeeze(0);                    // (h, w)
            long[] shape = cam.getShape().getShape();
            float[] map = Bilinear.resize(cam.toFloatArray(), (int) shape[0], (int) shape[1], in.height(), in.width());
            c.progress().advance(2);
            return Attribution.of(map, 1, 1);
        }
    }
}
