package org.cnnlab.descent;

import org.cnnlab.base.InvalidInputException;

/**
 * A fit: the data (target, points, noise, seed), the MLP (width, depth, σ) and the optimiser
 * (rule, η, batch for SGD, μ for momentum, noise σ for the noisy rule).
 */
public record FitSettings(Target target, int points, double noise, long seed, int width, int depth, Mlp1D.Activation activation,
                          UpdateRule.Kind optimizer, double learningRate, int batch, double momentum, double sigma) {

    public static final int MAX_POINTS = 1_000;
    public static final int MAX_WIDTH = 256;
    public static final int MAX_DEPTH = 4;

    public static FitSettings defaults() {
        return new FitSettings(Target.SINE, 40, 0.1, 1, 16, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.ADAM, 0.01, 8, 0.9, 0.01);
    }

    public FitSettings withOptimizer(UpdateRule.Kind kind, double lr) {
        return new FitSettings(target, points, noise, seed, width, depth, activation, kind, lr, batch, momentum, sigma);
    }

    public FitSettings withWidth(int w) {
        return new FitSettings(target, points, noise, seed, w, depth, activation, optimizer, learningRate, batch, momentum, sigma);
    }

    /** Refuses what cannot run, with a translated reason; a batch larger than the data is clamped (and the page says so). */
    public FitSettings checked() {
        if (target == null || activation == null || optimizer == null) throw new InvalidInputException("descent.error.missing");
        if (points < 2 || points > MAX_POINTS) throw new InvalidInputException("descent.error.points", 2, MAX_POINTS);
        if (!(noise >= 0 && noise <= 10)) throw new InvalidInputException("descent.error.noise");
        if (width < 1 || width > MAX_WIDTH) throw new InvalidInputException("descent.error.width", 1, MAX_WIDTH);
        if (depth < 1 || depth > MAX_DEPTH) throw new InvalidInputException("descent.error.depth", 1, MAX_DEPTH);
        if (!(learningRate > 0) || !Double.isFinite(learningRate) || learningRate > 1e6) throw new InvalidInputException("descent.error.learningRate");
        if (!(sigma >= 0 && sigma <= 10)) throw new InvalidInputException("descent.error.sigma");
        if (!(momentum >= 0 && momentum < 1)) throw new InvalidInputException("descent.error.momentum");
        if (batch < 1) throw new InvalidInputException("descent.error.batch");
        return batch > points ? new FitSettings(target, points, noise, seed, width, depth, activation, optimizer, learningRate, points, momentum, sigma)
                : this;
    }

    public boolean batchClamped() {
        return optimizer == UpdateRule.Kind.SGD && batch > points;
    }
}
