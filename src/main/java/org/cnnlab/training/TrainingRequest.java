package org.cnnlab.training;

import java.io.Serializable;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.NetworkSpec;

/**
 * Everything a training job needs, with the student it belongs to carried explicitly; {@code name}
 * says which network it is when runs are compared (e.g. "MLP", "GAP_CNN"). {@code data} describes
 * the training images and, if it has them, a held-out test set the run evaluates once, at the end
 * (confusion matrix, mistakes, shifts); the images themselves are made when the job starts.
 */
public record TrainingRequest(StudentId student, NetworkSpec network, TrainingData data, OptimizerSpec optimizer,
                              int batchSize, int epochs, double validationSplit, long seed, String name)
        implements Serializable {

    /** On images already made, with a held-out test set ({@code test} null: the validation images stand in). */
    public TrainingRequest(StudentId student, NetworkSpec network, LabelledImages data, OptimizerSpec optimizer,
                           int batchSize, int epochs, double validationSplit, long seed, String name, LabelledImages test) {
        this(student, network, TrainingData.ready(data, test), optimizer, batchSize, epochs, validationSplit, seed, name);
    }

    /** Without a test set: the final confusion matrix, mistakes and shift chart use the validation images. */
    public TrainingRequest(StudentId student, NetworkSpec network, LabelledImages data, OptimizerSpec optimizer,
                           int batchSize, int epochs, double validationSplit, long seed, String name) {
        this(student, network, data, optimizer, batchSize, epochs, validationSplit, seed, name, null);
    }

    public TrainingRequest(StudentId student, NetworkSpec network, LabelledImages data, OptimizerSpec optimizer,
                           int batchSize, int epochs, double validationSplit, long seed) {
        this(student, network, data, optimizer, batchSize, epochs, validationSplit, seed, "");
    }

    /** The same request with only the description of its images, which is all a finished run keeps. */
    public TrainingRequest withoutImages() {
        return new TrainingRequest(student, network, new TrainingData.Spent(data.header(), data.hasTest(), data.testSize()), optimizer, batchSize, epochs,
                validationSplit, seed, name);
    }
}
