package org.cnnlab.representation.features;

import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.KernelPreset;

/**
 * The image's gradient by the playground's Sobel kernels (the lecture's f1 for ∂/∂y, its transpose
 * for ∂/∂x), cross-correlated at every interior pixel: g_y, g_x and the magnitude √(g_x² + g_y²).
 */
final class Gradients {
    final float[] gx;
    final float[] gy;
    final float[] magnitude;

    private static final Kernel DY = KernelPreset.SOBEL_F1.kernel(3);
    private static final Kernel DX = KernelPreset.SOBEL_F1_TRANSPOSED.kernel(3);

    Gradients(float[] image, int height, int width) {
        gx = new float[height * width];
        gy = new float[height * width];
        magnitude = new float[height * width];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                double sx = 0;
                double sy = 0;
                for (int u = 0; u < 3; u++) {
                    for (int v = 0; v < 3; v++) {
                        float p = image[(y + u - 1) * width + x + v - 1];
                        sx += DX.at(u, v) * p;
                        sy += DY.at(u, v) * p;
                    }
                }
                int i = y * width + x;
                gx[i] = (float) sx;
                gy[i] = (float) sy;
                magnitude[i] = (float) Math.hypot(sx, sy);
            }
        }
    }
}
