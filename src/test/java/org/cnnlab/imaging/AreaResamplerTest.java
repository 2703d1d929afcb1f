package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AreaResamplerTest {

    private static PixelImage resample(PixelImage in, int maxSide) {
        AreaResampler resampler = AreaResampler.fitting(in.channels(), in.height(), in.width(), maxSide);
        float[][] row = new float[in.channels()][in.width()];
        for (int y = 0; y < in.height(); y++) {
            for (int c = 0; c < in.channels(); c++) {
                for (int x = 0; x < in.width(); x++) {
                    row[c][x] = in.at(c, y, x);
                }
            }
            resampler.addRow(y, row);
        }
        return resampler.result();
    }

    @Test
    void an_image_that_fits_is_copied_unchanged() {
        PixelImage in = new PixelImage(3, 2, 3, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18});

        PixelImage out = resample(in, 3);

        assertThat(out).usingRecursiveComparison().isEqualTo(in);
    }

    @Test
    void a_side_that_does_not_divide_evenly_averages_uneven_groups() {
        // 5 → 2 columns: inputs 0,1,2 fall into the first output pixel, 3,4 into the second.
        PixelImage out = resample(PixelImage.grey(1, 5, new float[] {0, 1, 2, 3, 4}), 2);

        assertThat(out.width()).isEqualTo(2);
        assertThat(out.height()).isEqualTo(1);
        assertThat(out.data()).containsExactly(new float[] {1f, 3.5f}, within(1e-6f));
    }

    @Test
    void a_huge_aspect_ratio_keeps_at_least_one_pixel_per_side() {
        PixelImage out = resample(PixelImage.grey(1, 4000, new float[4000]), 100);

        assertThat(out.width()).isEqualTo(100);
        assertThat(out.height()).isEqualTo(1);
    }

    @Test
    void every_channel_is_averaged_separately() {
        float[] data = new float[2 * 2 * 2];
        data[0] = 10;   // channel 0 top-left
        data[4 + 3] = 40; // channel 1 bottom-right
        PixelImage out = resample(new PixelImage(2, 2, 2, data), 1);

        assertThat(out.channels()).isEqualTo(2);
        assertThat(out.data()).containsExactly(new float[] {2.5f, 10f}, within(1e-6f));
    }
}
