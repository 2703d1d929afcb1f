package org.cnnlab.imaging;

/**
 * Draws a map of real values with a {@link Colormap}. Signed maps are scaled to ±max|G| so that
 * white is exactly zero; the magnitude map is scaled to [0, max|G|]. A map of zeros gets the
 * range [−1, 1] (or [0, 1]) so the colour bar still means something.
 */
public final class MapRenderer {
    private MapRenderer() {
    }

    public static RenderedMap render(float[] values, int height, int width, Colormap colormap) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double maxAbs = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            maxAbs = Math.max(maxAbs, Math.abs(v));
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
