package org.cnnlab.descent;

import java.util.List;

/** Where an optimiser went on a loss surface: (w₁, w₂, L) after each step, and the step where it diverged (−1: it did not). */
public record Trajectory(UpdateRule.Kind optimizer, double learningRate, List<double[]> points, long divergedAt) {

    public Trajectory {
        points = List.copyOf(points);
    }

    public double[] last() {
        return points.getLast();
    }
}
