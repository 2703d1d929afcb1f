package org.cnnlab.representation;

import java.util.List;

/**
 * A hand-made feature of a point (x₁, x₂): a coordinate of φ(x). The polar pair (r, θ) is the
 * lecture's example of a change of representation that makes concentric rings separable by a line.
 */
public enum Feature {
    X1, X2,
    /** r = √(x₁² + x₂²) */
    R,
    /** θ = atan2(x₂, x₁), in −π…π */
    THETA,
    X1_SQUARED, X2_SQUARED, X1_X2, SIN_X1, SIN_X2;

    public double of(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case R -> Math.hypot(x1, x2);
            case THETA -> Math.atan2(x2, x1);
            case X1_SQUARED -> x1 * x1;
            case X2_SQUARED -> x2 * x2;
            case X1_X2 -> x1 * x2;
            case SIN_X1 -> Math.sin(Math.PI * x1);
            case SIN_X2 -> Math.sin(Math.PI * x2);
        };
    }

    /** φ(x) for every point: the features of point i at [i·d … i·d + d). */
    public static float[] apply(List<Feature> phi, float[] x1, float[] x2) {
        int d = phi.size();
        float[] out = new float[x1.length * d];
        for (int i = 0; i < x1.length; i++) for (int k = 0; k < d; k++) out[i * d + k] = (float) phi.get(k).of(x1[i], x2[i]);
        return out;
    }
}
