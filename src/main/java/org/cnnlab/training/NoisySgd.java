package org.cnnlab.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The lecture's noisy gradient descent, θ ← θ − η∇L + ε with ε ~ N(0, σ²I) drawn afresh for every
 * parameter at every step. It is SGD on the gradient ∇L + ε/η (ε is symmetric, so its sign is
 * irrelevant), which keeps the update inside DJL's own fused SGD step.
 */
final class NoisySgd extends Optimizer {

    private final Optimizer sgd;
    private final float learningRate;
    private final float sigma;

    NoisySgd(float learningRate, float sigma) {
        super(Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate)));
        this.sgd = Optimizer.sgd().setLearningRateTracker(Tracker.fixed(learningRate)).build();
        this.learningRate = learningRate;
        this.sigma = sigma;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        try (NDArray noise = grad.getManager().randomNormal(0f, sigma / learningRate, grad.getShape(), DataType.FLOAT32, grad.getDevice());
             NDArray noisy = grad.add(noise)) {
            sgd.update(parameterId, weight, noisy);
        }
    }
}
