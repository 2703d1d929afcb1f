package org.cnnlab.descent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.DjlRuntime;

/**
 * Gradient descent on a two-parameter loss surface L(w₁, w₂): θ₀ = (w₁, w₂), then
 * θₖ₊₁ = rule(θₖ, ∇L(θₖ)) with ∇L from DJL's autograd and the rule of {@link UpdateRule}
 * (plain, momentum, noisy; Goodfellow, Bengio and Courville, <i>Deep Learning</i>, 2016, §8.3);
 * a run diverges when L is no longer finite or |θ| passes 10⁶. Also the surface itself on a grid,
 * for its picture. Every NDArray lives in a scope of the call.
 */
final class SurfaceDescent {
    private final DjlRuntime djl;

    SurfaceDescent(DjlRuntime djl) {
        this.djl = djl;
    }

    /** Gradient descent with one rule on a surface: θ₀ = (w₁, w₂), then {@code steps} updates. */
    Trajectory descend(LossSurface s, double w1, double w2, FitSettings o, int steps) {
        UpdateRule rule = new UpdateRule(o.optimizer(), o.learningRate(), o.momentum(), o.sigma(), o.seed());
        double[] theta = {w1, w2};
        double[] gradient = new double[2];
        List<double[]> points = new ArrayList<>();
        long diverged = -1;
        try (NDManager scope = djl.newScope()) {
            points.add(new double[] {w1, w2, lossAndGradient(scope, s, theta, gradient)});
            for (int k = 1; k <= steps; k++) {
                rule.step(theta, gradient);
                double loss = lossAndGradient(scope, s, theta, gradient);
                if (!Double.isFinite(loss) || Math.abs(theta[0]) > 1e6 || Math.abs(theta[1]) > 1e6) {
                    diverged = k;
                    break;
                }
                points.add(new double[] {theta[0], theta[1], loss});
            }
        }
        return new Trajectory(o.optimizer(), o.learningRate(), points, diverged);
    }

    private static double lossAndGradient(NDManager scope, LossSurface s, double[] theta, double[] gradient) {
        try (NDManager step = scope.newSubManager()) {
            NDArray w1 = step.create(new float[] {(float) theta[0]}, new Shape(1));
            NDArray w2 = step.create(new float[] {(float) theta[1]}, new Shape(1));
            w1.setRequiresGradient(true);
            w2.setRequiresGradient(true);
            double loss;
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = step.getEngine().newGradientCollector()) {
                NDArray l = s.value(w1, w2).sum();
                collector.backward(l);
                loss = l.getFloat();
            }
            gradient[0] = w1.getGradient().getFloat();
            gradient[1] = w2.getGradient().getFloat();
            return loss;
        }
    }

    /** L on a size×size grid, row 0 at the largest w₂. */
    float[] grid(LossSurface s, int size) {
        float[] w1 = new float[size * size];
        float[] w2 = new float[size * size];
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                double[] w = SurfacePicture.at(s, col, row, size);
                w1[row * size + col] = (float) w[0];
                w2[row * size + col] = (float) w[1];
            }
        }
        try (NDManager scope = djl.newScope()) {
            return s.value(scope.create(w1), scope.create(w2)).toFloatArray();
        }
    }
}
