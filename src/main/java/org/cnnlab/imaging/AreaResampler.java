package org.cnnlab.imaging;

/**
 * Reduces an image row by row by area averaging: every input pixel falls into exactly one output
 * pixel, and each output pixel is the mean of the inputs that fell into it. Only the small output
 * is kept in memory, so a 16-megapixel upload costs no more than its decoded form.
 */
final class AreaResampler {
    private final int channels;
    private final int inHeight;
    private final int inWidth;
    private final int outHeight;
    private final int outWidth;
    private final float[] sums;
    private final int[] counts;

    private AreaResampler(int channels, int inHeight, int inWidth, int outHeight, int outWidth) {
        this.channels = channels;
        this.inHeight = inHeight;
        this.inWidth = inWidth;
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.sums = new float[channels * outHeight * outWidth];
        this.counts = new int[outHeight * outWidth];
    }

    /** A resampler that keeps the aspect ratio and fits the longer side into {@code maxSide}. */
    static AreaResampler fitting(int channels, int height, int width, int maxSide) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(height, width));
        int outH = Math.max(1, (int) Math.round(height * scale));
        int outW = Math.max(1, (int) Math.round(width * scale));
        return new AreaResampler(channels, height, width, outH, outW);
    }

    void addRow(int y, float[][] row) {
        int oy = (int) ((long) y * outHeight / inHeight);
        for (int x = 0; x < inWidth; x++) {
            int ox = (int) ((long) x * outWidth / inWidth);
            int o = oy * outWidth + ox;
            counts[o]++;
            for (int c = 0; c < channels; c++) {
                sums[c * outHeight * outWidth + o] += row[c][x];
            }
        }
    }

    PixelImage result() {
        int plane = outHeight * outWidth;
        float[] data = new float[channels * plane];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < plane; i++) {
                data[c * plane + i] = counts[i] == 0 ? 0f : sums[c * plane + i] / counts[i];
            }
        }
        return new PixelImage(channels, outHeight, outWidth, data);
    }
}
