package org.cnnlab.imaging;

/**
 * An image as the lab computes with it: {@code channels} planes of {@code height × width} values
 * in 0…255, stored channel-first (C, H, W) like a CNN's input tensor.
 */
public record PixelImage(int channels, int height, int width, float[] data) {

    public PixelImage {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("empty image " + channels + "x" + height + "x" + width);
        }
        if (data.length != channels * height * width) {
            throw new IllegalArgumentException("data length " + data.length + " != C·H·W");
        }
    }

    public static PixelImage grey(int height, int width, float[] values) {
        return new PixelImage(1, height, width, values);
    }

    /** From values in 0…1 (a data set's, a network input's), clamped, as 0…255. */
    public static PixelImage fromUnit(int channels, int height, int width, float[] unit) {
        float[] values = new float[unit.length];
        for (int i = 0; i < unit.length; i++) values[i] = Math.clamp(unit[i] * 255f, 0f, 255f);
        return new PixelImage(channels, height, width, values);
    }

    public float at(int channel, int row, int col) {
        return data[(channel * height + row) * width + col];
    }

    public float[] plane(int channel) {
        float[] plane = new float[height * width];
        System.arraycopy(data, channel * height * width, plane, 0, plane.length);
        return plane;
    }

    /** Luminance by ITU-R BT.601 weights (0.299 R + 0.587 G + 0.114 B); a grey image is returned as is. */
    public PixelImage toGrey() {
        if (channels == 1) {
            return this;
        }
        int n = height * width;
        float[] grey = new float[n];
        for (int i = 0; i < n; i++) {
            grey[i] = 0.299f * data[i] + 0.587f * data[n + i] + 0.114f * data[2 * n + i];
        }
        return grey(height, width, grey);
    }

    /** This image at another size: area averaging where it shrinks, nearest neighbour where it grows. */
    public PixelImage resized(int outHeight, int outWidth) {
        float[] out = new float[channels * outHeight * outWidth];
        for (int c = 0; c < channels; c++) {
            for (int oy = 0; oy < outHeight; oy++) {
                int y0 = (int) ((long) oy * height / outHeight);
                int y1 = Math.max(y0 + 1, (int) ((long) (oy + 1) * height / outHeight));
                for (int ox = 0; ox < outWidth; ox++) {
                    int x0 = (int) ((long) ox * width / outWidth);
                    int x1 = Math.max(x0 + 1, (int) ((long) (ox + 1) * width / outWidth));
                    double sum = 0;
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) sum += at(c, y, x);
                    }
                    out[(c * outHeight + oy) * outWidth + ox] = (float) (sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        }
        return new PixelImage(channels, outHeight, outWidth, out);
    }
}
