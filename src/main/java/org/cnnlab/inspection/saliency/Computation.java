package org.cnnlab.inspection.saliency;

import org.cnnlab.inspection.OpenNetwork;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.Subject;
import org.cnnlab.network.TensorShape;

/**
 * One saliency computation: the model (its design, for Grad-CAM's layer), the network opened for it,
 * the input x (C×H×W in 0…1), the limits, and the progress it reports after each batch of passes
 * (which is where a cancelled or overdue computation stops).
 */
public record Computation(Subject model, OpenNetwork network, float[] x, SaliencyLimits limits, Progress progress) {

    public TensorShape in() {
        return model.input();
    }

    /** C·H·W, the values of one input. */
    int values() {
        TensorShape in = in();
        return in.channels() * in.height() * in.width();
    }

    /** H·W, the pixels of one channel. */
    int plane() {
        return in().height() * in().width();
    }
}
