package org.cnnlab.dataset;

/** Moving an image by whole pixels, zeros (black) coming in at the edges. */
public final class Shift {

    private Shift() {
    }

    /**
     * Copies the C×H×W image at {@code from[fromOffset…]} moved {@code dx} pixels right and {@code dy}
     * down (negative: left, up) into {@code to[toOffset…]}.
     */
    public static void image(float[] from, int fromOffset, int channels, int height, int width, int dx, int dy, float[] to, int toOffset) {
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int sx = x - dx;
                    int sy = y - dy;
                    to[toOffset + plane + y * width + x] = sx < 0 || sy < 0 || sx >= width || sy >= height
                            ? 0 : from[fromOffset + plane + sy * width + sx];
                }
            }
        }
    }
}
