package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MapRendererTest {

    private static final int[] DIVERGING = Colormap.DIVERGING.palette();

    /** The decoded PNG's colours (0xRRGGBB), row by row. */
    private static int[] colours(RenderedMap map, int height, int width) {
        BufferedImage img = PngEncoderTest.read(map.png());
        assertThat(img.getWidth()).isEqualTo(width);
        assertThat(img.getHeight()).isEqualTo(height);
        int[] argb = img.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < argb.length; i++) {
            argb[i] &= 0xFFFFFF;
        }
        return argb;
    }

    /** The palette indices stored in the PNG. */
    private static int[] indices(RenderedMap map, int height, int width) {
        return PngEncoderTest.read(map.png()).getRaster().getPixels(0, 0, width, height, (int[]) null);
    }

    @Test
    void a_signed_map_is_symmetric_around_zero_which_gets_the_middle_colour() {
        float[] values = {-2f, -1f, 0f, 1f, 2f, 0f};

        RenderedMap map = MapRenderer.render(values, 2, 3, Colormap.DIVERGING);

        assertThat(map.low()).isEqualTo(-2.0);
        assertThat(map.high()).isEqualTo(2.0);
        assertThat(map.min()).isEqualTo(-2.0);
        assertThat(map.max()).isEqualTo(2.0);
        int[] idx = indices(map, 2, 3);
        assertThat(idx).containsExactly(0, 64, 128, 191, 255, 128);
        assertThat(idx[1] + idx[3]).as("±1 mirror each other").isEqualTo(255);
        int[] colours = colours(map, 2, 3);
        assertThat(colours[0]).isEqualTo(0x053061);
        assertThat(colours[4]).isEqualTo(0x67001f);
        assertThat(colours[2]).isEqualTo(DIVERGING[128]).isEqualTo(colours[5]);
        int zero = colours[2];
        assertThat(List.of(ColormapTest.red(zero), ColormapTest.green(zero), ColormapTest.blue(zero)))
                .as("zero is the midpoint stop #f7f7f7, within one level")
                .allSatisfy(v -> assertThat(v).isBetween(0xf7 - 1, 0xf7));
    }

    @Test
    void a_signed_map_is_scaled_to_the_largest_magnitude_on_both_sides() {
        RenderedMap map = MapRenderer.render(new float[] {-1f, 4f, 0f}, 1, 3, Colormap.DIVERGING);

        assertThat(map.low()).isEqualTo(-4.0);
        assertThat(map.high()).isEqualTo(4.0);
        assertThat(map.min()).isEqualTo(-1.0);
        assertThat(map.max()).isEqualTo(4.0);
        assertThat(indices(map, 1, 3)).containsExactly(96, 255, 128);
    }

    @Test
    void the_magnitude_map_puts_the_largest_absolute_value_brightest() {
        float[] values = {-3f, 1f, 2f, 0f};

        RenderedMap map = MapRenderer.render(values, 2, 2, Colormap.GREY_MAGNITUDE);

        assertThat(map.low()).isEqualTo(0.0);
        assertThat(map.high()).isEqualTo(3.0);
        assertThat(map.min()).isEqualTo(-3.0);
        assertThat(map.max()).isEqualTo(2.0);
        assertThat(colours(map, 2, 2)).containsExactly(0xFFFFFF, 0x555555, 0xAAAAAA, 0x000000);
    }

    @Test
    void a_constant_map_does_not_divide_by_zero() {
        float[] values = {5f, 5f, 5f, 5f};

        RenderedMap signed = MapRenderer.render(values, 2, 2, Colormap.DIVERGING);
        RenderedMap grey = MapRenderer.render(values, 2, 2, Colormap.GREY_MAGNITUDE);

        assertThat(new double[] {signed.low(), signed.high(), signed.min(), signed.max()})
                .containsExactly(-5, 5, 5, 5);
        assertThat(indices(signed, 2, 2)).containsOnly(255);
        assertThat(new double[] {grey.low(), grey.high()}).containsExactly(0, 5);
        assertThat(colours(grey, 2, 2)).containsOnly(0xFFFFFF);
    }

    @Test
    void a_map_of_zeros_gets_a_unit_range_and_the_zero_colour() {
        float[] values = new float[6];

        RenderedMap signed = MapRenderer.render(values, 3, 2, Colormap.DIVERGING);
        RenderedMap grey = MapRenderer.render(values, 3, 2, Colormap.GREY_MAGNITUDE);

        assertThat(new double[] {signed.low(), signed.high(), signed.min(), signed.max()})
                .containsExactly(-1, 1, 0, 0);
        assertThat(colours(signed, 3, 2)).containsOnly(DIVERGING[128]);
        assertThat(new double[] {grey.low(), grey.high(), grey.min(), grey.max()})
                .containsExactly(0, 1, 0, 0);
        assertThat(colours(grey, 3, 2)).containsOnly(0x000000);
    }

    @Test
    void negative_zero_is_drawn_like_zero() {
        RenderedMap map = MapRenderer.render(new float[] {-0f, 0f, 1f}, 1, 3, Colormap.DIVERGING);

        assertThat(indices(map, 1, 3)).containsExactly(128, 128, 255);
    }
}
