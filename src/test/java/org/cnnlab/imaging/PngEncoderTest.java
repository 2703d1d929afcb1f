package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {

    static BufferedImage read(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img).as("ImageIO reads the PNG").isNotNull();
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_grey_image_round_trips_through_imageio_with_values_rounded_and_clamped() {
        float[] values = {0f, 1.4f, 127.5f, 254.6f, -5f, 300f, Float.NaN, 255f};
        byte[] png = PngEncoder.encode(PixelImage.grey(2, 4, values));

        assertThat(png[24]).as("bit depth").isEqualTo((byte) 8);
        assertThat(png[25]).as("colour type grey").isEqualTo((byte) 0);
        BufferedImage img = read(png);
        assertThat(img.getWidth()).isEqualTo(4);
        assertThat(img.getHeight()).isEqualTo(2);
        assertThat(img.getRaster().getNumBands()).isEqualTo(1);
        // Raw samples (getRGB would apply the linear-grey to sRGB conversion).
        assertThat(img.getRaster().getPixels(0, 0, 4, 2, (int[]) null))
                .containsExactly(0, 1, 128, 255, 0, 255, 0, 255);
    }

    @Test
    void an_rgb_image_round_trips_through_imageio() {
        int h = 23;
        int w = 37;
        int plane = h * w;
        float[] data = new float[3 * plane];
        Random random = new Random(3);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextInt(256);
        }

        BufferedImage img = read(PngEncoder.encode(new PixelImage(3, h, w, data)));

        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        Raster raster = img.getRaster();
        assertThat(raster.getNumBands()).isEqualTo(3);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                int expected = (int) data[i] << 16 | (int) data[plane + i] << 8 | (int) data[2 * plane + i];
                assertThat(rgb).as("pixel (%d, %d)", y, x).isEqualTo(expected);
            }
        }
    }

    @Test
    void a_large_grey_image_round_trips_row_by_row() {
        int h = 300;
        int w = 257;
        float[] values = new float[h * w];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i * 31) % 256;
        }

        Raster raster = read(PngEncoder.encode(PixelImage.grey(h, w, values))).getRaster();

        int[] samples = raster.getPixels(0, 0, w, h, (int[]) null);
        for (int i = 0; i < values.length; i++) {
            assertThat(samples[i]).isEqualTo((int) values[i]);
        }
    }

    @Test
    void an_indexed_image_decodes_to_its_palette_colours() {
        int[] palette = {0x000000, 0xFF0000, 0x00FF00, 0x123456};
        byte[] indices = {0, 1, 2, 3, 3, 2};

        byte[] png = PngEncoder.indexed(3, 2, indices, palette);

        assertThat(png[25]).as("colour type palette").isEqualTo((byte) 3);
        BufferedImage img = read(png);
        assertThat(img.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(img.getRaster().getPixels(0, 0, 3, 2, (int[]) null)).containsExactly(0, 1, 2, 3, 3, 2);
        assertThat(Arrays.stream(img.getRGB(0, 0, 3, 2, null, 0, 3)).map(p -> p & 0xFFFFFF).toArray())
                .containsExactly(0x000000, 0xFF0000, 0x00FF00, 0x123456, 0x123456, 0x00FF00);
    }
}
