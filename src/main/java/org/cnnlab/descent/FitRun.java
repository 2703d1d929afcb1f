package org.cnnlab.descent;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One fit, step by step: at each step the gradient of the MSE on all points (gradient descent) or
 * on a seeded random batch (SGD), then the update rule. Deterministic for its settings' seed. A loss
 * that is not finite stops it ("diverged at step N"); its curves are kept.
 */
public final class FitRun {

    static final int GRID = 101;
    private static final int HISTORY = 400;

    private final FitSettings settings;
    private final Supplier<NDManager> scopes;
    private final Mlp1D mlp;
    private final double[] x;
    private final double[] y;
    private final double[] gridX = new double[GRID];
    private final Random batches;
    private final UpdateRule rule;
    private final double[] theta;
    private final double[] gradient;
    private final List<double[]> history = new ArrayList<>();
    private long step;
    private double loss;
    private long divergedAt = -1;
    private int thin = 1;
    private final boolean batchClamped;

    public FitRun(FitSettings requested, Supplier<NDManager> scopes) {
        this.settings = requested.checked();
        this.scopes = scopes;
        this.mlp = new Mlp1D(settings.width(), settings.depth(), settings.activation());
        double[][] data = settings.target().sample(settings.points(), settings.noise(), settings.seed());
        x = data[0];
        y = data[1];
        for (int i = 0; i < GRID; i++) gridX[i] = -1 + 2.0 * i / (GRID - 1);
        batches = new Random(settings.seed() * 31 + 7);
        rule = new UpdateRule(settings.optimizer(), settings.learningRate(), settings.momentum(), settings.sigma(), settings.seed() * 17 + 3);
        theta = mlp.initial(settings.seed());
        gradient = new double[theta.length];
        try (NDManager scope = scopes.get()) {
            loss = mlp.loss(scope, theta, x, y);
        }
        history.add(new double[] {0, loss});
        this.batchClamped = requested.batchClamped();
    }

    public FitSettings settings() {
        return settings;
    }

    public long step() {
        return step;
    }

    public boolean diverged() {
        return divergedAt >= 0;
    }

    /** Up to {@code n} steps (fewer if it diverges); returns the loss on all points after them. */
    public double advance(int n) {
        try (NDManager scope = scopes.get()) {
            for (int k = 0; k < n && !diverged(); k++) {
                double[] bx = x;
                double[] by = y;
                if (settings.optimizer() == UpdateRule.Kind.SGD && settings.batch() < x.length) {
                    bx = new double[settings.batch()];
                    by = new double[settings.batch()];
                    int[] pick = sample(x.length, settings.batch());
                    for (int i = 0; i < pick.length; i++) {
                        bx[i] = x[pick[i]];
                        by[i] = y[pick[i]];
                    }
                }
                double batchLoss = mlp.lossAndGradient(scope, theta, bx, by, gradient);
                step++;
                if (!Double.isFinite(batchLoss)) {
                    divergedAt = step;
                    break;
                }
                rule.step(theta, gradient);
                loss = mlp.loss(scope, theta, x, y);   // on all points, so GD and SGD curves compare
                if (!Double.isFinite(loss) || loss > 1e12) {
                    divergedAt = step;
                    break;
                }
                record();
            }
        }
        return loss;
    }

    public FitSnapshot snapshot() {
        double[] curve;
        try (NDManager scope = scopes.get()) {
            curve = diverged() ? new double[GRID] : mlp.predict(scope, theta, gridX);
        }
        return new FitSnapshot(step, loss, x.clone(), y.clone(), gridX.clone(), curve, List.copyOf(history), divergedAt, batchClamped);
    }

    /** Keeps at most {@value #HISTORY} points: when full, every other point goes and the spacing doubles. */
    private void record() {
        if (step % thin != 0) return;
        history.add(new double[] {step, loss});
        if (history.size() > HISTORY) {
            List<double[]> kept = new ArrayList<>();
            for (int i = 0; i < history.size(); i += 2) kept.add(history.get(i));
            history.clear();
            history.addAll(kept);
            thin *= 2;
        }
    }

    /** {@code k} distinct indices of 0…n−1 (partial Fisher–Yates), seeded. */
    private int[] sample(int n, int k) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + batches.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, k);
    }
}
