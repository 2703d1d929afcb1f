package org.cnnlab.representation.features;

/**
 * A HOG-like histogram of edge orientations over the whole image: the unsigned orientation
 * atan2(g_y, g_x) mod π of each pixel's Sobel gradient, in 8 bins of 22.5°, each weighted by the
 * gradient's magnitude, normalised to sum 1 (all 0 for an image without edges). A vertical bar
 * puts its weight in bin 0 (horizontal gradients), a horizontal bar in bin 4.
 */
public final class OrientationBins implements HandFeature {
    public static final int BINS = 8;

    @Override
    public String id() {
        return "orientations";
    }

    @Override
    public int size() {
        return BINS;
    }

    @Override
    public void extract(float[] image, int height, int width, float[] out, int at) {
        Gradients g = new Gradients(image, height, width);
        double[] bins = new double[BINS];
        double total = 0;
        for (int i = 0; i < g.magnitude.length; i++) {
            if (g.magnitude[i] == 0) continue;
            double angle = Math.atan2(g.gy[i], g.gx[i]);
            if (angle < 0) angle += Math.PI;
            int bin = (int) Math.floor((angle / Math.PI * BINS) + 0.5) % BINS;   // bin 0 centred on 0°
            bins[bin] += g.magnitude[i];
            total += g.magnitude[i];
        }
        for (int b = 0; b < BINS; b++) out[at + b] = total == 0 ? 0 : (float) (bins[b] / total);
    }
}
