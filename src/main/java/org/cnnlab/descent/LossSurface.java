package org.cnnlab.descent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/**
 * Losses of two parameters (w₁, w₂) to draw as a heat map and descend on. Each is written once with
 * DJL operations, element by element, so the same formula gives the map (on a grid) and the
 * gradient (by autograd, at one point).
 */
public enum LossSurface {
    /** An elongated bowl L = ½(w₁² + 10·w₂²): convex; a large η oscillates across the narrow direction. */
    BOWL(-3, 3, -2, 2, -2.5, 1.5),
    /** A tilted double well L = (w₁² − 1)² + 0.3·w₁ + ½w₂²: a local minimum near w₁ ≈ 0.96, the global one near w₁ ≈ −1.04. */
    DOUBLE_WELL(-2, 2.5, -1.5, 1.5, 2, 1),
    /** A tiny model's MSE, ŷ = w₁·x + w₂ (a line) on 20 points of y = 0.8x + 0.3 + noise: convex. */
    LINE_FIT(-2, 3, -2, 2, -1.5, -1.5),
    /** A tiny network's MSE, ŷ = w₂·tanh(w₁·x) on 20 points of y = 1.2·tanh(2x): two mirrored minima and a saddle. */
    TINY_NET(-4, 4, -3, 3, 0.3, -2.5);

    public final double minW1;
    public final double maxW1;
    public final double minW2;
    public final double maxW2;
    public final double startW1;
    public final double startW2;

    LossSurface(double minW1, double maxW1, double minW2, double maxW2, double startW1, double startW2) {
        this.minW1 = minW1;
        this.maxW1 = maxW1;
        this.minW2 = minW2;
        this.maxW2 = maxW2;
        this.startW1 = startW1;
        this.startW2 = startW2;
    }

    /** L at each (w₁[i], w₂[i]); w₁ and w₂ are vectors of one shape (G). */
    public NDArray value(NDArray w1, NDArray w2) {
        NDManager m = w1.getManager();
        return switch (this) {
            case BOWL -> w1.square().mul(0.5).add(w2.square().mul(5));
            case DOUBLE_WELL -> w1.square().sub(1).square().add(w1.mul(0.3)).add(w2.square().mul(0.5));
            case LINE_FIT -> {
                double[][] d = lineData();
                NDArray x = m.create(toFloat(d[0]), new Shape(1, d[0].length));                             // (1, N)
                NDArray y = m.create(toFloat(d[1]), new Shape(1, d[1].length));                             // (1, N)
                yield w1.expandDims(-1).mul(x).add(w2.expandDims(-1)).sub(y).square().mean(new int[] {-1}); // (G)
            }
            case TINY_NET -> {
                double[][] d = netData();
                NDArray x = m.create(toFloat(d[0]), new Shape(1, d[0].length));
                NDArray y = m.create(toFloat(d[1]), new Shape(1, d[1].length));
                yield w2.expandDims(-1).mul(w1.expandDims(-1).mul(x).tanh()).sub(y).square().mean(new int[] {-1});
            }
        };
    }

    private static double[][] lineData() {
        Random r = new Random(5);
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = -1 + 2.0 * i / 19;
            y[i] = 0.8 * x[i] + 0.3 + 0.1 * r.nextGaussian();
        }
        return new double[][] {x, y};
    }

    private static double[][] netData() {
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = -1 + 2.0 * i / 19;
            y[i] = 1.2 * Math.tanh(2 * x[i]);
        }
        return new double[][] {x, y};
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
