package org.cnnlab.imaging;

/**
 * Bilinear resampling of an h×w map to H×W with pixel centres aligned: output pixel (y, x) reads the
 * input at ((y + ½)·h/H − ½, (x + ½)·w/W − ½), clamped to the edge, weighting its four neighbours by
 * distance.
 */
public final class Bilinear {

    private Bilinear() {
    }

    public static float[] resize(float[] map, int h, int w, int outH, int outW) {
        float[] out = new float[outH * outW];
        for (int y = 0; y < outH; y++) {
            double sy = Math.clamp((y + 0.5) * h / outH - 0.5, 0, h - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(h - 1, y0 + 1);
            double fy = sy - y0;
            for (int x = 0; x < outW; x++) {
                double sx = Math.clamp((x + 0.5) * w / outW - 0.5, 0, w - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(w - 1, x0 + 1);
                double fx = sx - x0;
                out[y * outW + x] = (float) ((1 - fy) * ((1 - fx) * map[y0 * w + x0] + fx * map[y0 * w + x1])
                        + fy * ((1 - fx) * map[y1 * w + x0] + fx * map[y1 * w + x1]));
            }
        }
        return out;
    }
}
