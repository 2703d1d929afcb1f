package org.cnnlab.convolution;

import java.util.Arrays;

/**
 * A k×k filter f[u, v], u, v = 0…k−1, stored row by row. One convention throughout the app:
 * k is the kernel's size (the lecture also writes sums from −k to k, where k is a half-width).
 */
public record Kernel(int size, float[] weights) {

    public Kernel {
        if (size < 1 || weights.length != size * size) {
            throw new IllegalArgumentException("a " + size + "×" + size + " kernel needs " + size * size + " weights");
        }
        weights = weights.clone();
    }

    public static Kernel of(float[][] rows) {
        int k = rows.length;
        float[] w = new float[k * k];
        for (int u = 0; u < k; u++) {
            if (rows[u].length != k) {
                throw new IllegalArgumentException("kernel rows must have " + k + " values");
            }
            System.arraycopy(rows[u], 0, w, u * k, k);
        }
        return new Kernel(k, w);
    }

    /** The identity of size k: 1 in the centre (upper-left of centre when k is even). */
    public static Kernel identity(int size) {
        float[] w = new float[size * size];
        int c = (size - 1) / 2;
        w[c * size + c] = 1;
        return new Kernel(size, w);
    }

    public float at(int u, int v) {
        return weights[u * size + v];
    }

    @Override
    public float[] weights() {
        return weights.clone();
    }

    /**
     * The kernel turned by 180°: f'[u, v] = f[k−1−u, k−1−v]. Cross-correlating with it is true
     * convolution; CNN libraries (and the lecture's G[i, j]) cross-correlate.
     */
    public Kernel flipped() {
        float[] w = new float[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[w.length - 1 - i];
        }
        return new Kernel(size, w);
    }

    public Kernel transposed() {
        float[] w = new float[weights.length];
        for (int u = 0; u < size; u++) {
            for (int v = 0; v < size; v++) {
                w[v * size + u] = weights[u * size + v];
            }
        }
        return new Kernel(size, w);
    }

    /** The same values in a k'×k' grid: cut around the top-left, or padded with zeros. */
    public Kernel resized(int newSize) {
        float[] w = new float[newSize * newSize];
        int keep = Math.min(size, newSize);
        for (int u = 0; u < keep; u++) {
            System.arraycopy(weights, u * size, w, u * newSize, keep);
        }
        return new Kernel(newSize, w);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Kernel other && other.size == size && Arrays.equals(other.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * size + Arrays.hashCode(weights);
    }

    /** Rows separated by "; ", weights by spaces (e.g. "-1 0 1; -2 0 2; -1 0 1"). */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < size; r++) {
            if (r > 0) b.append("; ");
            for (int c = 0; c < size; c++) {
                if (c > 0) b.append(' ');
                float w = weights[r * size + c];
                b.append(w == Math.rint(w) && Math.abs(w) < 1e7 ? String.valueOf((long) w) : String.valueOf(w));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "Kernel" + size + "x" + size + Arrays.toString(weights);
    }
}
