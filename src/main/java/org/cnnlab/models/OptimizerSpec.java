package org.cnnlab.models;

import java.io.Serializable;

/**
 * How parameters move: θ ← θ − η∇L (SGD); with momentum v ← μv + ∇L, θ ← θ − ηv; the lecture's
 * noisy form θ ← θ − η∇L + ε with ε ~ N(0, σ²I) per parameter and step; or Adam.
 */
public record OptimizerSpec(Kind kind, double learningRate, double momentum, double noiseSigma) implements Serializable {

    public enum Kind { SGD, MOMENTUM, NOISY_SGD, ADAM }

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(Kind.ADAM, learningRate, 0, 0);
    }

    public static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec(Kind.SGD, learningRate, 0, 0);
    }
}
