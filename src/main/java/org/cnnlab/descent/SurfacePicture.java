package org.cnnlab.descent;

import java.util.List;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;

/**
 * A loss surface as a picture: the heat map of L on a grid (viridis on log(1 + L − min L), so the
 * valleys keep their detail), w₁ to the right and w₂ up, with each trajectory drawn over it as a
 * line from a white start dot to its last point.
 */
final class SurfacePicture {

    /** Okabe–Ito colours, the same as the charts', light enough to read on viridis. */
    static final int[] COLOURS = {0xE69F00, 0xFFFFFF, 0xCC79A7, 0x56B4E9, 0xD55E00};

    private SurfacePicture() {
    }

    /** @param values size×size losses, row 0 = the largest w₂ */
    static byte[] render(LossSurface s, float[] values, int size, List<Trajectory> trajectories) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double top = Math.log1p(max - min);
        int[] palette = Colormap.VIRIDIS.palette();
        float[] rgb = new float[3 * size * size];
        for (int i = 0; i < values.length; i++) {
            int c = palette[(int) Math.round(255 * (top == 0 ? 0 : Math.log1p(values[i] - min) / top))];
            put(rgb, size, i % size, i / size, c);
        }
        for (int t = 0; t < trajectories.size(); t++) {
            int colour = COLOURS[t % COLOURS.length];
            List<double[]> points = trajectories.get(t).points();
            for (int k = 1; k < points.size(); k++) {
                line(rgb, size, px(s, points.get(k - 1)[0], size), py(s, points.get(k - 1)[1], size),
                        px(s, points.get(k)[0], size), py(s, points.get(k)[1], size), colour);
            }
            dot(rgb, size, px(s, points.getFirst()[0], size), py(s, points.getFirst()[1], size), 0xFFFFFF, 4);
            dot(rgb, size, px(s, points.getLast()[0], size), py(s, points.getLast()[1], size), colour, 3);
        }
        return PngEncoder.encode(new PixelImage(3, size, size, rgb));
    }

    static double px(LossSurface s, double w1, int size) {
        return (w1 - s.minW1) / (s.maxW1 - s.minW1) * (size - 1);
    }

    static double py(LossSurface s, double w2, int size) {
        return (s.maxW2 - w2) / (s.maxW2 - s.minW2) * (size - 1);
    }

    /** The parameters under a pixel (the inverse of {@link #px} and {@link #py}). */
    static double[] at(LossSurface s, double x, double y, int size) {
        return new double[] {s.minW1 + x / (size - 1) * (s.maxW1 - s.minW1), s.maxW2 - y / (size - 1) * (s.maxW2 - s.minW2)};
    }

    private static void line(float[] rgb, int size, double x0, double y0, double x1, double y1, int colour) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        if (!Double.isFinite(length)) return;
        int n = (int) Math.min(4 * size, Math.ceil(length)) + 1;
        for (int k = 0; k <= n; k++) {
            double x = x0 + (x1 - x0) * k / n;
            double y = y0 + (y1 - y0) * k / n;
            dot(rgb, size, x, y, colour, 1);
        }
    }

    private static void dot(float[] rgb, int size, double cx, double cy, int colour, int radius) {
        if (!Double.isFinite(cx) || !Double.isFinite(cy)) return;
        int x0 = (int) Math.round(cx);
        int y0 = (int) Math.round(cy);
        for (int y = y0 - radius; y <= y0 + radius; y++) {
            for (int x = x0 - radius; x <= x0 + radius; x++) {
                if (x >= 0 && y >= 0 && x < size && y < size && (x - x0) * (x - x0) + (y - y0) * (y - y0) <= radius * radius + 1) {
                    put(rgb, size, x, y, colour);
                }
            }
        }
    }

    private static void put(float[] rgb, int size, int x, int y, int colour) {
        int plane = size * size;
        int i = y * size + x;
        rgb[i] = colour >> 16 & 0xFF;
        rgb[plane + i] = colour >> 8 & 0xFF;
        rgb[2 * plane + i] = colour & 0xFF;
    }
}
