package org.cnnlab.training;

import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.network.NetworkSpec;

/**
 * Everything a training job needs, with the student it belongs to carried explicitly; {@code name}
 * says which network it is when runs are compared (e.g. "MLP", "GAP_CNN"); {@code test}, if not
 * null, is a held-out set the run evaluates once, at the end (confusion matrix, mistakes, shifts).
 */
public record TrainingRequest(StudentId student, NetworkSpec network, LabelledImages data, OptimizerSpec optimizer,
                              int batchSize, int epochs, double validationSplit, long seed, String name, LabelledImages test)
        implements java.io.Serializable {

    /** Without a test set: the final confusion matrix, mistakes and shift chart use the validation images. */
    public TrainingRequest(StudentId student, NetworkSpec network, LabelledImages data, OptimizerSpec optimizer,
                           int batchSize, int epochs, double validationSplit, long seed, String name) {
        this(student, network, data, optimizer, batchSize, epochs, validationSplit, seed, name, null);
    }

    public TrainingRequest(StudentId student, NetworkSpec network, LabelledImages data, OptimizerSpec optimizer,
                           int batchSize, int epochs, double validationSplit, long seed) {
        this(student, network, data, optimizer, batchSize, epochs, validationSplit, seed, "");
    }

    /**
     * The same request without its images, which is all a finished run keeps: the images of one
     * job can be megabytes, and a class runs hundreds of jobs.
     */
    public TrainingRequest withoutImages() {
        return new TrainingRequest(student, network, data.withoutImages(), optimizer, batchSize, epochs, validationSplit, seed, name,
                test == null ? null : test.withoutImages());
    }
}
