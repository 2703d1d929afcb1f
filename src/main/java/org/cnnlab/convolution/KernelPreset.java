package org.cnnlab.convolution;

import java.util.Arrays;

/**
 * Kernels worth knowing by name. Sobel f1 and the Laplacian f2 are the lecture's; the others are
 * the classic image-processing filters. Identity, box and Gaussian exist at any size k; the rest
 * are 3×3.
 */
public enum KernelPreset {
    IDENTITY,
    SOBEL_F1,
    SOBEL_F1_TRANSPOSED,
    LAPLACIAN_F2,
    BOX_BLUR,
    GAUSSIAN_BLUR,
    SHARPEN,
    EMBOSS,
    OUTLINE;

    /** The preset's kernel, at {@code size} where the preset scales, else at its own 3×3. */
    public Kernel kernel(int size) {
        return switch (this) {
            case IDENTITY -> Kernel.identity(size);
            case SOBEL_F1 -> sobelF1();
            case SOBEL_F1_TRANSPOSED -> sobelF1().transposed();
            case LAPLACIAN_F2 -> Kernel.of(new float[][] {{0, 1, 0}, {1, -4, 1}, {0, 1, 0}});
            case BOX_BLUR -> box(size);
            case GAUSSIAN_BLUR -> binomial(size);
            case SHARPEN -> Kernel.of(new float[][] {{0, -1, 0}, {-1, 5, -1}, {0, -1, 0}});
            case EMBOSS -> Kernel.of(new float[][] {{-2, -1, 0}, {-1, 1, 1}, {0, 1, 2}});
            case OUTLINE -> Kernel.of(new float[][] {{-1, -1, -1}, {-1, 8, -1}, {-1, -1, -1}});
        };
    }

    public boolean scales() {
        return this == IDENTITY || this == BOX_BLUR || this == GAUSSIAN_BLUR;
    }

    /** The lecture's f1: responds to horizontal edges (bright below, dark above is positive). */
    static Kernel sobelF1() {
        return Kernel.of(new float[][] {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}});
    }

    private static Kernel box(int size) {
        float[] w = new float[size * size];
        Arrays.fill(w, 1f / (size * size));
        return new Kernel(size, w);
    }

    /** Gaussian approximated by binomial coefficients: row k of Pascal's triangle, outer product, normalised. */
    private static Kernel binomial(int size) {
        double[] row = new double[size];
        row[0] = 1;
        for (int i = 1; i < size; i++) {
            for (int j = i; j > 0; j--) {
                row[j] += row[j - 1];
            }
        }
        double total = Math.pow(Math.pow(2, size - 1), 2);
        float[] w = new float[size * size];
        for (int u = 0; u < size; u++) {
            for (int v = 0; v < size; v++) {
                w[u * size + v] = (float) (row[u] * row[v] / total);
            }
        }
        return new Kernel(size, w);
    }
}
