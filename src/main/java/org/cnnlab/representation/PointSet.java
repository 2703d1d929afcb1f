package org.cnnlab.representation;

import java.util.Random;
import org.cnnlab.base.InvalidInputException;

/**
 * Points (x₁, x₂) in two classes, made seeded: concentric rings (class 0 inside, radius ≈ 0.5;
 * class 1 outside, ≈ 1), two interleaved spirals, or XOR (class 1 where x₁·x₂ < 0). Noise is the
 * standard deviation of Gaussian jitter added to each coordinate.
 */
public record PointSet(Kind kind, float[] x1, float[] x2, int[] labels) {

    public enum Kind { RINGS, SPIRALS, XOR }

    public static final int MIN_POINTS = 20;
    public static final double MAX_NOISE = 0.5;

    public PointSet {
        if (x1.length != x2.length || x1.length != labels.length) throw new IllegalArgumentException("lengths differ");
        boolean[] seen = new boolean[2];
        for (int i = 0; i < x1.length; i++) {
            if (!Float.isFinite(x1[i]) || !Float.isFinite(x2[i])) throw new InvalidInputException("representation.error.notFinite", i + 1);
            seen[labels[i]] = true;
        }
        if (!seen[0] || !seen[1]) throw new InvalidInputException("representation.error.oneClass");
    }

    public int size() {
        return labels.length;
    }

    /**
     * @param n     points, half in each class (clamped to {@value #MIN_POINTS}…{@code maxPoints}: the page says so)
     * @param noise σ of the jitter, 0…{@value #MAX_NOISE}
     */
    public static PointSet generate(Kind kind, int n, double noise, long seed, int maxPoints) {
        if (!(noise >= 0 && noise <= MAX_NOISE)) throw new InvalidInputException("representation.error.noise", MAX_NOISE);
        int count = Math.clamp(n, MIN_POINTS, maxPoints);
        Random random = new Random(seed);
        float[] x1 = new float[count];
        float[] x2 = new float[count];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int c = i % 2;
            double a;
            double b;
            switch (kind) {
                case RINGS -> {
                    double angle = 2 * Math.PI * random.nextDouble();
                    double radius = (c == 0 ? 0.5 : 1.0) + 0.1 * (random.nextDouble() - 0.5);
                    a = radius * Math.cos(angle);
                    b = radius * Math.sin(angle);
                }
                case SPIRALS -> {
                    double t = 0.25 + 2.5 * Math.PI * random.nextDouble();   // radius grows with the angle; the second arm turned by π
                    double r = t / (2.75 * Math.PI);
                    a = r * Math.cos(t + c * Math.PI);
                    b = r * Math.sin(t + c * Math.PI);
                }
                case XOR -> {
                    a = random.nextDouble() * 2 - 1;
                    b = random.nextDouble() * 2 - 1;
                    if ((a * b < 0) != (c == 1)) a = -a;   // class 1 where the signs differ
                    a += Math.signum(a) * 0.05;
                    b += Math.signum(b) * 0.05;
                }
                default -> throw new IllegalStateException();
            }
            x1[i] = (float) (a + noise * random.nextGaussian());
            x2[i] = (float) (b + noise * random.nextGaussian());
            labels[i] = c;
        }
        return new PointSet(kind, x1, x2, labels);
    }
}
