package org.cnnlab.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;
import org.cnnlab.base.Autograd;

/**
 * Max pooling (kernel k, stride s, no padding, output ⌊(H − k) / s⌋ + 1).
 * <ul>
 * <li>Where no gradient can flow through it (PyTorch's grad mode off, {@link Autograd#withoutGradients}:
 * feature maps, occlusion, LIME), it is the element-wise maximum of the k² strided views
 * x[:, :, i::s, j::s]: the same values as PyTorch's max_pool2d, NaN included, in about a third of its
 * time on the reference model's first pooling of 32 drawings here (libtorch 2.7.1, one core; the
 * inspection benchmark prints both).</li>
 * <li>Where grad mode is on (in gradient collectors: training, input gradients; and on threads that
 * never turned it off), it is max_pool2d itself, whose backward gives a window's gradient to its first
 * maximum. The maxima of views would share it among equal maxima, and a drawing's flat background is
 * full of them: the vanilla map then differed from PyTorch's by more than its largest value.</li>
 * </ul>
 */
public final class MaxPooling {

    /** Past this kernel, k² − 1 maxima cost more than PyTorch's own pooling: it is used instead. */
    static final int MAX_STRIDED_KERNEL = 3;

    private MaxPooling() {
    }

    /** The block NetworkFactory builds for a {@link LayerSpec.MaxPool}; no parameters, so saved models load as before. */
    static Block block(int kernel, int stride) {
        Shape k = new Shape(kernel, kernel);
        Shape s = new Shape(stride, stride);
        Shape none = new Shape(0, 0);
        return new LambdaBlock(in -> {
            NDArray x = in.singletonOrThrow();
            boolean views = kernel <= MAX_STRIDED_KERNEL && !Autograd.recording();
            return new NDList(views ? ofViews(x, kernel, stride) : Pool.maxPool2d(x, k, s, none, false));
        }, "maxPool2d");
    }

    /** max over the k×k windows of x (B, C, H, W), stride s: (B, C, ⌊(H − k) / s⌋ + 1, ⌊(W − k) / s⌋ + 1), as the maximum of k² views. */
    public static NDArray ofViews(NDArray x, int kernel, int stride) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        long outH = (h - kernel) / stride + 1;
        long outW = (w - kernel) / stride + 1;
        NDArray max = null;
        for (int i = 0; i < kernel; i++) {
            for (int j = 0; j < kernel; j++) {
                NDArray view = x.get(new NDIndex().addAllDim().addAllDim()
                        .addSliceDim(i, i + stride * (outH - 1) + 1, stride)
                        .addSliceDim(j, j + stride * (outW - 1) + 1, stride));
                max = max == null ? view : max.maximum(view);
            }
        }
        return max;
    }
}
