package org.cnnlab.training;

import org.cnnlab.base.InvalidInputException;
import org.cnnlab.dataset.DataHeader;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.Budget;
import org.cnnlab.network.NetworkAnalysis;
import org.cnnlab.network.ShapeInference;
import org.cnnlab.network.TensorShape;

/**
 * Whether a training request may run, decided from its description alone (no image is made): the
 * numbers on the form within the limits, the network fits the data, and the job's price — memory
 * at its batch and seconds for all its passes — within the server's {@link Budget}. The queue
 * checks a request when it is submitted; a worker node checks it again against its own budget
 * before it trains, and refuses it rather than running out of memory.
 */
public final class RequestCheck {

    private final ShapeInference inference;
    private final Budget budget;

    public RequestCheck(ShapeInference inference, Budget budget) {
        this.inference = inference;
        this.budget = budget;
    }

    /** The request's network analysis, once everything about the request is acceptable under {@code limits}. */
    public NetworkAnalysis check(TrainingRequest r, TrainingLimits limits) {
        DataHeader data = r.data().header();
        int n = data.size();
        if (n < 2 || n > limits.maxSamples()) throw new InvalidInputException("training.error.samples", 2, limits.maxSamples());
        for (int count : data.counts()) {
            if (count == 0) throw new InvalidInputException("training.error.emptyClass");
        }
        if (r.epochs() < 1 || r.epochs() > limits.maxEpochs()) throw new InvalidInputException("training.error.epochs", 1, limits.maxEpochs());
        if (!(r.validationSplit() >= 0 && r.validationSplit() <= 0.5)) throw new InvalidInputException("training.error.split");
        int validation = (int) Math.floor(n * r.validationSplit());
        int trainSize = n - validation;
        if (r.batchSize() < 1 || r.batchSize() > Math.min(limits.maxBatch(), trainSize)) {
            throw new InvalidInputException("training.error.batch", 1, Math.min(limits.maxBatch(), trainSize));
        }
        double lr = r.optimizer().learningRate();
        if (!(lr > 0) || !Double.isFinite(lr) || lr > limits.maxLearningRate()) throw new InvalidInputException("training.error.learningRate");
        if (r.optimizer().kind() == OptimizerSpec.Kind.NOISY_SGD && !(r.optimizer().noiseSigma() >= 0 && r.optimizer().noiseSigma() <= 10)) {
            throw new InvalidInputException("training.error.noise");
        }
        TensorShape dataShape = TensorShape.image(data.channels(), data.height(), data.width());
        if (!r.network().input().equals(dataShape)) {
            throw new InvalidInputException("training.error.shape", r.network().input().toString(), dataShape.toString());
        }
        NetworkAnalysis analysis = inference.analyse(r.network());
        if (!analysis.valid()) throw new InvalidInputException("network.error.layer",
                analysis.layers().stream().filter(l -> l.failed()).findFirst().orElseThrow().index() + 1);
        if (!TensorShape.vector(data.classes().size()).equals(analysis.output())) {
            throw new InvalidInputException("training.error.output", analysis.output().toString(), data.classes().size());
        }
        if (analysis.trainable() > limits.maxParameters()) {
            throw new InvalidInputException("network.error.tooBigToBuild", analysis.trainable(), limits.maxParameters());
        }
        price(r, analysis, limits.maxWallSeconds());
        return analysis;
    }

    /** The job's price against this JVM's budget: what a worker node checks before it trains a job. */
    public void price(TrainingRequest r, int wallSeconds) {
        NetworkAnalysis analysis = inference.analyse(r.network());
        if (!analysis.valid()) throw new InvalidInputException("training.error.network");
        price(r, analysis, wallSeconds);
    }

    private void price(TrainingRequest r, NetworkAnalysis analysis, int wallSeconds) {
        int n = r.data().header().size();
        int validation = (int) Math.floor(n * r.validationSplit());
        // validation after every epoch; at the end the held-out set once more, then shifted by 0…MAX_SHIFT pixels
        long heldOut = r.data().hasTest() ? r.data().testSize() : validation;
        long evaluated = (long) validation * r.epochs() + heldOut * (TrainingRun.MAX_SHIFT + 2);
        budget.checkTraining(analysis, r.batchSize(), n - validation, r.epochs(), evaluated, wallSeconds);
    }
}
