package org.cnnlab.descent;

import java.util.Random;

/** The 1-D functions the fit panel learns, y = f(x) on x ∈ [−1, 1], plus Gaussian noise of a chosen σ. */
public enum Target {
    SINE, WAVE, STEP, ABS, CUBIC;

    public double f(double x) {
        return switch (this) {
            case SINE -> Math.sin(Math.PI * x);
            case WAVE -> 0.8 * Math.sin(3 * Math.PI * x);
            case STEP -> x < 0 ? -0.5 : 0.5;
            case ABS -> Math.abs(x) - 0.5;
            case CUBIC -> x * x * x - 0.5 * x;
        };
    }

    /** {@code n} points, x evenly spread over [−1, 1] with a seeded jitter, y = f(x) + N(0, noise²). */
    public double[][] sample(int n, double noise, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = n == 1 ? 0 : -1 + 2.0 * i / (n - 1) + (random.nextDouble() - 0.5) / Math.max(1, n - 1);
            x[i] = Math.clamp(x[i], -1, 1);
            y[i] = f(x[i]) + noise * random.nextGaussian();
        }
        return new double[][] {x, y};
    }
}
