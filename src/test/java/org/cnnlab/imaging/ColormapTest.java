package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColormapTest {

    static int red(int rgb) {
        return rgb >> 16 & 0xFF;
    }

    static int green(int rgb) {
        return rgb >> 8 & 0xFF;
    }

    static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void every_palette_has_256_colours_and_is_a_copy() {
        for (Colormap colormap : Colormap.values()) {
            int[] palette = colormap.palette();
            assertThat(palette).hasSize(256);
            palette[0] = 0x123456;
            assertThat(colormap.palette()[0]).isNotEqualTo(0x123456);
        }
    }

    @Test
    void diverging_runs_from_dark_blue_through_near_white_to_dark_red() {
        int[] palette = Colormap.DIVERGING.palette();

        assertThat(palette[0]).isEqualTo(0x053061);
        assertThat(palette[255]).isEqualTo(0x67001f);
        for (int i : new int[] {127, 128}) {
            int c = palette[i];
            assertThat(List.of(red(c), green(c), blue(c))).as("palette[%d]", i)
                    .allSatisfy(v -> assertThat(v).isBetween(0xf7 - 1, 0xf7));
        }
        for (int i = 0; i < 127; i++) {
            assertThat(blue(palette[i])).as("negative half is bluish at %d", i).isGreaterThan(red(palette[i]));
            assertThat(red(palette[255 - i])).as("positive half is reddish at %d", 255 - i)
                    .isGreaterThan(blue(palette[255 - i]));
        }
    }

    @Test
    void grey_magnitude_is_a_straight_ramp_from_black_to_white() {
        int[] palette = Colormap.GREY_MAGNITUDE.palette();
        for (int i = 0; i < 256; i++) {
            assertThat(palette[i]).isEqualTo(i * 0x010101);
        }
    }

    @Test
    void only_the_diverging_map_is_signed() {
        assertThat(Colormap.DIVERGING.signed()).isTrue();
        assertThat(Colormap.GREY_MAGNITUDE.signed()).isFalse();
    }

    @Test
    void css_gradients_list_the_stops_left_to_right() {
        assertThat(Colormap.GREY_MAGNITUDE.cssGradient()).isEqualTo("linear-gradient(to right, #000000, #ffffff)");
        assertThat(Colormap.DIVERGING.cssGradient())
                .startsWith("linear-gradient(to right, #053061, #2166ac, ")
                .contains(", #f7f7f7, ")
                .endsWith(", #b2182b, #67001f)");
    }
}
