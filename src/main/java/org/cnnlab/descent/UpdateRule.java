package org.cnnlab.descent;

import java.util.Random;

/**
 * How the parameters θ move once the gradient g = ∇L(θ) is known, in the lecture's notation:
 * <ul>
 * <li>gradient descent: θ ← θ − η·g (full batch; mini-batch SGD is the same rule on a sampled batch);</li>
 * <li>with Gaussian noise: θ ← θ − η·g + ε, ε ~ N(0, σ²I), drawn afresh each step;</li>
 * <li>momentum: v ← μ·v + g, θ ← θ − η·v;</li>
 * <li>Adam (Kingma and Ba 2015): m ← β₁m + (1−β₁)g, s ← β₂s + (1−β₂)g², m̂ = m/(1−β₁ᵗ),
 * ŝ = s/(1−β₂ᵗ), θ ← θ − η·m̂/(√ŝ + ε): a step per parameter, scaled by that parameter's own history.</li>
 * </ul>
 * Plain Java on a flat parameter vector, so every number is visible and testable.
 */
public final class UpdateRule {

    public enum Kind { GD, SGD, NOISY, MOMENTUM, ADAM }

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private final Kind kind;
    private final double learningRate;
    private final double momentum;
    private final double sigma;
    private final Random random;
    private double[] velocity;
    private double[] first;
    private double[] second;
    private int t;

    public UpdateRule(Kind kind, double learningRate, double momentum, double sigma, long seed) {
        this.kind = kind;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.sigma = sigma;
        this.random = new Random(seed);
    }

    public Kind kind() {
        return kind;
    }

    /** Moves {@code theta} in place by one step against {@code gradient}. */
    public void step(double[] theta, double[] gradient) {
        t++;
        switch (kind) {
            case GD, SGD -> {
                for (int i = 0; i < theta.length; i++) theta[i] -= learningRate * gradient[i];
            }
            case NOISY -> {
                for (int i = 0; i < theta.length; i++) theta[i] += -learningRate * gradient[i] + sigma * random.nextGaussian();
            }
            case MOMENTUM -> {
                if (velocity == null) velocity = new double[theta.length];
                for (int i = 0; i < theta.length; i++) {
                    velocity[i] = momentum * velocity[i] + gradient[i];
                    theta[i] -= learningRate * velocity[i];
                }
            }
            case ADAM -> {
                if (first == null) {
                    first = new double[theta.length];
                    second = new double[theta.length];
                }
                double c1 = 1 - Math.pow(BETA1, t);
                double c2 = 1 - Math.pow(BETA2, t);
                for (int i = 0; i < theta.length; i++) {
                    first[i] = BETA1 * first[i] + (1 - BETA1) * gradient[i];
                    second[i] = BETA2 * second[i] + (1 - BETA2) * gradient[i] * gradient[i];
                    theta[i] -= learningRate * (first[i] / c1) / (Math.sqrt(second[i] / c2) + EPSILON);
                }
            }
        }
    }
}
