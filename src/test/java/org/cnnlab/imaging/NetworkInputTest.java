package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NetworkInputTest {

    /** Light background, one dark pixel: 2×2, values 0…255 per channel. */
    private static PixelImage lightWithDarkPixel(int channels) {
        float[] data = new float[channels * 4];
        Arrays.fill(data, 230f);
        for (int c = 0; c < channels; c++) data[c * 4] = 20f;
        return new PixelImage(channels, 2, 2, data);
    }

    @Test
    void aGreyNetworkSeesDarkInkOnWhiteAsLightStrokesOnBlack() {
        float[] x = NetworkInput.of(lightWithDarkPixel(1), 1, 2, 2);
        assertThat(x[0]).isCloseTo(1 - 20f / 255, within(1e-6f));
        assertThat(x[1]).isCloseTo(1 - 230f / 255, within(1e-6f));
    }

    @Test
    void aColourNetworkSeesABrightPhotoAsItIs() {
        float[] x = NetworkInput.of(lightWithDarkPixel(3), 3, 2, 2);   // snow stays bright
        assertThat(x[0]).isCloseTo(20f / 255, within(1e-6f));
        assertThat(x[1]).isCloseTo(230f / 255, within(1e-6f));
        assertThat(x[4]).isCloseTo(20f / 255, within(1e-6f));
    }
}
