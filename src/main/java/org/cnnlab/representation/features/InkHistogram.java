package org.cnnlab.representation.features;

/**
 * A histogram of intensities: the share of pixels in each of 4 equal bins of 0…1 (the last bin
 * includes 1). A black image is all in bin 0; a filled white square of a quarter of the image puts
 * ¾ in bin 0 and ¼ in bin 3.
 */
public final class InkHistogram implements HandFeature {
    public static final int BINS = 4;

    @Override
    public String id() {
        return "histogram";
    }

    @Override
    public int size() {
        return BINS;
    }

    @Override
    public void extract(float[] image, int height, int width, float[] out, int at) {
        for (int b = 0; b < BINS; b++) out[at + b] = 0;
        for (float v : image) out[at + Math.min(BINS - 1, (int) Math.floor(Math.clamp(v, 0f, 1f) * BINS))] += 1f / image.length;
    }
}
