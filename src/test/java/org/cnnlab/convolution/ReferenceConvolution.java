package org.cnnlab.convolution;

import java.util.List;
import org.cnnlab.imaging.PixelImage;

/**
 * An independent plain-Java reference for tests and the benchmark: the textbook loops, written
 * from the formula G[i, j] = b + Σ_c Σ_u Σ_v f_c[u, v]·F_c[s·i + d·u − p, s·j + d·v − p], zero
 * outside the image. It shares no code with the DJL path or the walkthrough.
 */
public final class ReferenceConvolution {
    private ReferenceConvolution() {
    }

    /**
     * @param planes input channels (each H×W, row-major) that this map sums over
     * @param kernels one k×k kernel per plane, row-major, already flipped if asked
     */
    public static double[] map(List<float[]> planes, int h, int w, List<float[]> kernels, int k,
                               int padTop, int padLeft, int outH, int outW, int stride, int dilation, double bias) {
        double[] out = new double[outH * outW];
        for (int i = 0; i < outH; i++) {
            for (int j = 0; j < outW; j++) {
                double g = bias;
                for (int c = 0; c < planes.size(); c++) {
                    float[] f = kernels.get(c);
                    float[] image = planes.get(c);
                    for (int u = 0; u < k; u++) {
                        for (int v = 0; v < k; v++) {
                            int r = stride * i + dilation * u - padTop;
                            int col = stride * j + dilation * v - padLeft;
                            if (r >= 0 && r < h && col >= 0 && col < w) {
                                g += (double) f[u * k + v] * image[r * w + col];
                            }
                        }
                    }
                }
                out[i * outW + j] = g;
            }
        }
        return out;
    }

    /** Grey image, one kernel, valid padding, stride 1, no dilation: the lecture's case. */
    public static double[] valid(PixelImage grey, float[] kernel, int k) {
        int outH = grey.height() - k + 1;
        int outW = grey.width() - k + 1;
        return map(List.of(grey.plane(0)), grey.height(), grey.width(), List.of(kernel), k, 0, 0, outH, outW, 1, 1, 0);
    }

    /** f'[u, v] = f[k−1−u, k−1−v], written out independently of Kernel.flipped(). */
    public static float[] flip(float[] f, int k) {
        float[] out = new float[k * k];
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                out[u * k + v] = f[(k - 1 - u) * k + (k - 1 - v)];
            }
        }
        return out;
    }
}
