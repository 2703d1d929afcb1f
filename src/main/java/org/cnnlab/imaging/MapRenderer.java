package org.cnnlab.imaging;

/**
 * Draws a map of real values with a {@link Colormap}. Signed maps are scaled to ±max|G| so that
 * white is exactly zero; the magnitude map is scaled to [0, max|G|]. A map of zeros gets the
 * range [−1, 1] (or [0, 1]) so the colour bar still means something. Maps shown side by side
 * (one per colour channel) share one scale, so equal colours mean equal values.
 */
public final class MapRenderer {
    private MapRenderer() {
    }

    public static RenderedMap render(float[] values, int height, int width, Colormap colormap) {
        return render(values, height, width, colormap, maxAbs(values));
    }

    /** The largest |value| of one or more maps: pass it to every map that shares a colour bar. */
    public static double maxAbs(float[]... maps) {
        double maxAbs = 0;
        for (float[] map : maps) {
            for (float v : map) {
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
        }
        return maxAbs;
    }

    /** Draws with the colour bar running to ±{@code maxAbs} (or 0…maxAbs for magnitudes). */
    public static RenderedMap render(float[] values, int height, int width, Colormap colormap, double maxAbs) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double scale = maxAbs > 0 ? maxAbs : 1;
        double low = colormap.signed() ? -scale : 0;
        double high = scale;
        byte[] indices = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = colormap.signed() ? values[i] : Math.abs(values[i]);
            int index = (int) Math.round((v - low) / (high - low) * 255);
            indices[i] = (byte) Math.max(0, Math.min(255, index));
        }
        byte[] png = PngEncoder.indexed(width, height, indices, colormap.palette());
        return new RenderedMap(png, low, high, min, max);
    }
}
