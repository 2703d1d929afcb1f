package org.cnnlab.imaging;

import java.util.StringJoiner;

/**
 * How a feature map's values become colours. A convolution's output is signed, so the default is
 * a diverging map centred on zero (ColorBrewer RdBu, safe for the common colour-vision
 * deficiencies): blue negative, white zero, red positive, scaled symmetrically to ±max|G|.
 * {@link #GREY_MAGNITUDE} shows |G| from black (0) to white (max|G|).
 */
public enum Colormap {
    DIVERGING(new int[] {0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7,
            0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f}),
    GREY_MAGNITUDE(new int[] {0x000000, 0xffffff}),
    /** Viridis (perceptually uniform, colour-blind safe), dark = low, yellow = high: for a loss surface. */
    VIRIDIS(new int[] {0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725});

    private final int[] stops;
    private final int[] palette = new int[256];

    Colormap(int[] stops) {
        this.stops = stops;
        for (int i = 0; i < 256; i++) {
            palette[i] = interpolate(i / 255.0);
        }
    }

    public boolean signed() {
        return this == DIVERGING;
    }

    /** 256 colours (0xRRGGBB) from the low end to the high end of the scale. */
    public int[] palette() {
        return palette.clone();
    }

    /** A CSS linear-gradient for the colour bar, left = low, right = high. */
    public String cssGradient() {
        StringJoiner joiner = new StringJoiner(", ", "linear-gradient(to right, ", ")");
        for (int stop : stops) {
            joiner.add(String.format("#%06x", stop));
        }
        return joiner.toString();
    }

    private int interpolate(double t) {
        double pos = t * (stops.length - 1);
        int i = Math.min((int) pos, stops.length - 2);
        double f = pos - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return (r << 16) | (g << 8) | bl;
    }
}
