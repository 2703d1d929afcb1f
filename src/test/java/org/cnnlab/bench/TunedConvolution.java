package org.cnnlab.bench;

import java.util.Arrays;

/**
 * A reasonably tuned plain-Java valid convolution (stride 1, no dilation), the benchmark's second
 * reference: float accumulators, no bounds checks in the inner loop, and the loops ordered so the
 * innermost one is a contiguous a·x + y over a row, which the JIT vectorises.
 */
final class TunedConvolution {
    private TunedConvolution() {
    }

    static void valid(float[] in, int h, int w, float[] kernel, int k, float bias, float[] out) {
        int outH = h - k + 1;
        int outW = w - k + 1;
        Arrays.fill(out, 0, outH * outW, bias);
        for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
                float weight = kernel[u * k + v];
                if (weight == 0f) {
                    continue;
                }
                for (int i = 0; i < outH; i++) {
                    int src = (i + u) * w + v;
                    int dst = i * outW;
                    for (int j = 0; j < outW; j++) {
                        out[dst + j] += weight * in[src + j];
                    }
                }
            }
        }
    }
}
