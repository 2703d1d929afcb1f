package org.cnnlab.inspection;

import java.util.List;
import org.cnnlab.network.TensorShape;

/** A network the inspection page looks into: one trained in the app ({@link TrainedSubject}) or an instructor's TorchScript file ({@link TorchScriptModel}). */
public interface Subject {

    List<String> classes();

    /** The input it takes, C×H×W in 0…1. */
    TensorShape input();

    /** The layer Grad-CAM uses unless told otherwise; −1 when the app cannot reach a convolution layer's maps. */
    int camLayer();

    OpenNetwork open();

    /**
     * Refuses {@code passes} passes in batches of {@code batch} (with a backward pass to the input
     * when {@code gradients}) over the server's budget. A TorchScript model has no design to price
     * and is bounded by {@code cnnlab.torchscript.max-input-side} instead (only instructors add them).
     */
    default void price(int batch, long passes, boolean gradients) {
    }
}
