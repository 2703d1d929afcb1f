package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder against hand-made files: every test image is produced here with javax.imageio or
 * byte by byte, nothing is committed or downloaded.
 */
class ImageDecoderTest {

    /** Like application.properties: 10 MiB, 4096 per side, 16 M pixels, working side 512, 2 decodes. */
    private static final ImageLimits LIMITS = new ImageLimits(10L * 1024 * 1024, 4096, 16_000_000L, 512, 2);
    private static final Properties SPANISH = bundle("/i18n/messages.properties");
    private static final Properties ENGLISH = bundle("/i18n/messages_en.properties");

    private final ImageDecoder decoder = new ImageDecoder(LIMITS);

    // ---------------------------------------------------------------- refused before decoding

    @Test
    void refuses_empty_bytes() {
        assertRefused(decoder, new byte[0], "image.error.empty");
        assertRefused(decoder, null, "image.error.empty");
    }

    @Test
    void refuses_an_upload_over_the_byte_limit_with_both_sizes_in_megabytes() {
        ImageDecoder small = new ImageDecoder(new ImageLimits(1024 * 1024, 4096, 16_000_000L, 512, 2));
        byte[] png = png(grey(4, 4, 0));
        byte[] big = Arrays.copyOf(png, 1024 * 1024 + 512 * 1024);

        InvalidInputException e = assertRefused(small, big, "image.error.tooLarge");
        assertThat(e.args()).containsExactly("1.5", "1.0");
        // Exactly at the limit is not "too large" (the PNG with trailing bytes still decodes).
        assertThat(small.decode(Arrays.copyOf(png, 1024 * 1024)).image().width()).isEqualTo(4);
    }

    @Test
    void refuses_a_decompression_bomb_from_its_header_without_decoding_it() {
        byte[] bomb = CraftedImages.png(100_000, 100_000, 8, 0);
        assertThat(bomb.length).isLessThan(200);

        InvalidInputException e = assertRefused(decoder, bomb, "image.error.dimensions");
        assertThat(e.args()).containsExactly(100_000, 100_000, 4096, "16.0");
    }

    @Test
    void refuses_an_image_over_the_pixel_limit_even_when_each_side_is_allowed() {
        // 4096 × 4096 = 16.8 M pixels > 16 M, while 4096 per side is allowed.
        InvalidInputException e = assertRefused(decoder, CraftedImages.png(4096, 4096, 8, 2), "image.error.dimensions");
        assertThat(e.args()).containsExactly(4096, 4096, 4096, "16.0");
    }

    @Test
    void refuses_a_jpeg_whose_frame_header_claims_a_huge_size() {
        byte[] jpeg = jpeg(rgb(16, 16, 0x336699), 0.9f);
        int sof = indexOfMarker(jpeg, 0xC0);
        jpeg[sof + 5] = (byte) 0xEA;   // height 60000
        jpeg[sof + 6] = (byte) 0x60;
        jpeg[sof + 7] = (byte) 0xEA;   // width 60000
        jpeg[sof + 8] = (byte) 0x60;

        InvalidInputException e = assertRefused(decoder, jpeg, "image.error.dimensions");
        assertThat(e.args()).startsWith(60_000, 60_000);
    }

    @Test
    void the_side_and_pixel_limits_are_inclusive() {
        ImageDecoder tight = new ImageDecoder(new ImageLimits(1024 * 1024, 100, 5000, 512, 2));

        assertThat(tight.decode(png(grey(100, 50, 7))).originalWidth()).isEqualTo(100);
        assertRefused(tight, png(grey(100, 51, 7)), "image.error.dimensions");
        assertRefused(tight, png(grey(101, 1, 7)), "image.error.dimensions");
        assertRefused(tight, png(grey(1, 101, 7)), "image.error.dimensions");
    }

    // ---------------------------------------------------------------- broken files

    @Test
    void a_png_declaring_zero_width_or_height_gets_the_zero_size_reason() {
        assertRefused(decoder, CraftedImages.png(0, 10, 8, 0), "image.error.zeroSize");
        assertRefused(decoder, CraftedImages.png(10, 0, 8, 2), "image.error.zeroSize");
    }

    @Test
    void a_gif_bmp_or_jpeg_declaring_zero_width_gets_the_zero_size_reason() {
        byte[] gif = encode(rgb(2, 2, 0xFF0000), "gif");
        int descriptor = gifImageDescriptor(gif);
        gif[descriptor + 5] = 0;           // frame width, little-endian
        gif[descriptor + 6] = 0;
        assertRefused(decoder, gif, "image.error.zeroSize");

        byte[] bmp = encode(rgb(2, 2, 0xFF0000), "bmp");
        Arrays.fill(bmp, 18, 22, (byte) 0);  // BITMAPINFOHEADER width
        assertRefused(decoder, bmp, "image.error.zeroSize");

        byte[] jpeg = jpeg(rgb(8, 8, 0xFF0000), 0.9f);
        int sof = indexOfMarker(jpeg, 0xC0);
        jpeg[sof + 7] = 0;                 // SOF width, big-endian
        jpeg[sof + 8] = 0;
        assertRefused(decoder, jpeg, "image.error.zeroSize");
    }

    @Test
    void a_jpeg_height_of_zero_means_a_dnl_marker_the_jdk_cannot_read_so_it_is_corrupt() {
        byte[] jpeg = jpeg(rgb(8, 8, 0xFF0000), 0.9f);
        int sof = indexOfMarker(jpeg, 0xC0);
        jpeg[sof + 5] = 0;
        jpeg[sof + 6] = 0;
        assertRefused(decoder, jpeg, "image.error.corrupt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void a_file_cut_in_half_is_corrupt(String format) {
        byte[] whole = "jpeg".equals(format) ? jpeg(noise(64, 64), 0.9f) : encode(noise(64, 64), format);
        assertThat(decoder.decode(whole).image().width()).isEqualTo(64);

        assertRefused(decoder, Arrays.copyOf(whole, whole.length / 2), "image.error.corrupt");
    }

    @Test
    void a_png_cut_inside_its_header_is_corrupt() {
        byte[] whole = png(grey(8, 8, 1));
        assertRefused(decoder, Arrays.copyOf(whole, 8), "image.error.corrupt");
        assertRefused(decoder, Arrays.copyOf(whole, 20), "image.error.corrupt");
    }

    @Test
    void random_bytes_and_text_are_not_images_whatever_the_file_name() {
        byte[] random = new byte[4096];
        new Random(42).nextBytes(random);
        random[0] = 0;   // no accidental magic number
        assertRefused(decoder, random, "image.error.notImage");
        assertRefused(decoder, "This is my homework, saved as photo.png".getBytes(StandardCharsets.UTF_8),
                "image.error.notImage");
        assertRefused(decoder, "<html><body>not an image</body></html>".getBytes(StandardCharsets.UTF_8),
                "image.error.notImage");
    }

    @Test
    void svg_is_named_as_such() {
        assertRefused(decoder, ("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8), "image.error.svg");
        assertRefused(decoder, ("\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE svg PUBLIC"
                + " \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
                + "<SVG viewBox=\"0 0 1 1\"></SVG>").getBytes(StandardCharsets.UTF_8), "image.error.svg");
    }

    // ---------------------------------------------------------------- colour models

    @Test
    void an_animated_gif_keeps_its_first_frame_and_says_so() {
        byte[] gif = animatedGif(rgb(6, 4, 0xFF0000), rgb(6, 4, 0x0000FF));

        DecodedImage decoded = decoder.decode(gif);

        assertThat(decoded.format()).isEqualTo("gif");
        assertThat(decoded.firstFrameOnly()).isTrue();
        assertPixel(decoded.image(), 2, 3, 255, 0, 0);
        assertThat(decoded.originalWidth()).isEqualTo(6);
        assertThat(decoded.originalHeight()).isEqualTo(4);
    }

    @Test
    void a_still_gif_is_not_flagged_as_first_frame_only() {
        DecodedImage decoded = decoder.decode(encode(rgb(3, 3, 0x00FF00), "gif"));

        assertThat(decoded.firstFrameOnly()).isFalse();
        assertPixel(decoded.image(), 1, 1, 0, 255, 0);
    }

    @Test
    void an_8_bit_grey_png_stays_one_channel_with_exact_values() {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 37, 255});

        DecodedImage decoded = decoder.decode(png(img));

        assertThat(decoded.format()).isEqualTo("png");
        assertThat(decoded.image().channels()).isEqualTo(1);
        assertThat(decoded.image().data()).containsExactly(0f, 37f, 255f);
        assertThat(decoded.firstFrameOnly()).isFalse();
        assertThat(decoded.reduced()).isFalse();
    }

    @Test
    void a_16_bit_grey_png_is_one_channel_scaled_to_0_255() {
        BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 257, 32768, 65535});
        byte[] png = png(img);
        assertThat(png[24]).as("bit depth in IHDR").isEqualTo((byte) 16);

        PixelImage pixels = decoder.decode(png).image();

        assertThat(pixels.channels()).isEqualTo(1);
        assertThat(pixels.at(0, 0, 0)).isEqualTo(0f);
        assertThat(pixels.at(0, 0, 1)).isCloseTo(1f, within(1e-3f));
        assertThat(pixels.at(0, 0, 2)).isCloseTo(127.5f, within(0.01f));
        assertThat(pixels.at(0, 0, 3)).isCloseTo(255f, within(1e-3f));
    }

    @Test
    void a_palette_png_becomes_rgb_with_the_palette_colours() {
        IndexColorModel palette = new IndexColorModel(8, 3,
                new byte[] {(byte) 255, 0, 18}, new byte[] {0, (byte) 128, 52}, new byte[] {0, 0, (byte) 86});
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_INDEXED, palette);
        img.getRaster().setPixels(0, 0, 3, 2, new int[] {0, 1, 2, 2, 1, 0});
        byte[] png = png(img);
        assertThat(png[25]).as("colour type 3 (palette) in IHDR").isEqualTo((byte) 3);

        PixelImage pixels = decoder.decode(png).image();

        assertThat(pixels.channels()).isEqualTo(3);
        assertPixel(pixels, 0, 0, 255, 0, 0);
        assertPixel(pixels, 0, 1, 0, 128, 0);
        assertPixel(pixels, 0, 2, 18, 52, 86);
        assertPixel(pixels, 1, 0, 18, 52, 86);
    }

    @Test
    void a_grey_alpha_png_is_one_channel_composited_over_white() {
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(3, 1);
        raster.setPixels(0, 0, 3, 1, new int[] {0, 0, /**/ 0, 255, /**/ 100, 128});
        byte[] png = png(new BufferedImage(cm, raster, false, null));
        assertThat(png[25]).as("colour type 4 (grey + alpha) in IHDR").isEqualTo((byte) 4);

        PixelImage pixels = decoder.decode(png).image();

        assertThat(pixels.channels()).isEqualTo(1);
        assertThat(pixels.at(0, 0, 0)).as("transparent black").isCloseTo(255f, within(1e-3f));
        assertThat(pixels.at(0, 0, 1)).as("opaque black").isCloseTo(0f, within(1e-3f));
        assertThat(pixels.at(0, 0, 2)).as("half-transparent 100")
                .isCloseTo(100f * 128 / 255 + 255f * 127 / 255, within(0.01f));
    }

    @Test
    void an_rgba_png_is_composited_over_white() {
        BufferedImage img = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        img.setRGB(0, 0, 0x00000000);
        img.setRGB(1, 0, 0xFF102030);
        img.setRGB(2, 0, 0x80FF0000);

        PixelImage pixels = decoder.decode(png(img)).image();

        assertThat(pixels.channels()).isEqualTo(3);
        assertPixel(pixels, 0, 0, 255, 255, 255);
        assertPixel(pixels, 0, 1, 16, 32, 48);
        float half = 255f * 127 / 255;
        assertThat(pixels.at(0, 0, 2)).isCloseTo(255f, within(0.01f));
        assertThat(pixels.at(1, 0, 2)).isCloseTo(half, within(0.01f));
        assertThat(pixels.at(2, 0, 2)).isCloseTo(half, within(0.01f));
    }

    @Test
    void a_bmp_decodes_to_exact_rgb() {
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        img.setRGB(1, 0, 0x00FF00);
        img.setRGB(0, 1, 0x0000FF);
        img.setRGB(1, 1, 0x123456);

        DecodedImage decoded = decoder.decode(encode(img, "bmp"));

        assertThat(decoded.format()).isEqualTo("bmp");
        assertPixel(decoded.image(), 0, 0, 255, 0, 0);
        assertPixel(decoded.image(), 0, 1, 0, 255, 0);
        assertPixel(decoded.image(), 1, 0, 0, 0, 255);
        assertPixel(decoded.image(), 1, 1, 0x12, 0x34, 0x56);
    }

    @Test
    void a_jpeg_decodes_approximately() {
        BufferedImage img = new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, 16, 16);
        g.setColor(new Color(30, 90, 220));
        g.fillRect(16, 0, 16, 16);
        g.dispose();

        DecodedImage decoded = decoder.decode(jpeg(img, 0.9f));

        assertThat(decoded.format()).isEqualTo("jpeg");
        assertThat(decoded.image().channels()).isEqualTo(3);
        assertPixelNear(decoded.image(), 4, 4, 200, 40, 40, 6);
        assertPixelNear(decoded.image(), 12, 27, 30, 90, 220, 6);
    }

    @Test
    void a_grey_jpeg_stays_one_channel() {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(90, 90, 90));
        g.fillRect(0, 0, 16, 16);
        g.dispose();

        PixelImage pixels = decoder.decode(jpeg(img, 0.9f)).image();

        assertThat(pixels.channels()).isEqualTo(1);
        assertThat(pixels.at(0, 8, 8)).isCloseTo(90f, within(3f));
    }

    /**
     * A CMYK JPEG as Photoshop writes it: four components and an Adobe APP14 marker, inks stored
     * inverted (255 = no ink). The JDK 25 reader decodes CMYK itself, so it is accepted as RGB.
     */
    @Test
    void a_cmyk_jpeg_with_an_adobe_marker_is_decoded_as_rgb() {
        WritableRaster inks = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                inks.setPixel(x, y, x < 8 ? new int[] {255, 255, 255, 255} : new int[] {0, 255, 255, 255});
            }
        }
        byte[] plain = jpeg(new IIOImage(inks, null, null), 1f);
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] cmyk = new byte[plain.length + adobe.length];
        System.arraycopy(plain, 0, cmyk, 0, 2);
        System.arraycopy(adobe, 0, cmyk, 2, adobe.length);
        System.arraycopy(plain, 2, cmyk, 2 + adobe.length, plain.length - 2);
        assertThat(cmyk[indexOfMarker(cmyk, 0xC0) + 9]).as("components in SOF").isEqualTo((byte) 4);

        DecodedImage decoded = decoder.decode(cmyk);

        assertThat(decoded.image().channels()).isEqualTo(3);
        assertPixelNear(decoded.image(), 4, 3, 255, 255, 255, 4);   // no ink: white
        assertPixelNear(decoded.image(), 4, 12, 0, 255, 255, 4);    // full cyan
    }

    // ---------------------------------------------------------------- size handling

    @Test
    void a_large_image_is_reduced_to_the_working_side_by_area_averaging() {
        // A one-pixel checkerboard: every 2×2 block averages to 127.5.
        BufferedImage img = new BufferedImage(1024, 600, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = img.getRaster();
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 1024; x++) {
                raster.setSample(x, y, 0, (x + y) % 2 == 0 ? 255 : 0);
            }
        }

        DecodedImage decoded = decoder.decode(png(img));

        assertThat(decoded.image().width()).isEqualTo(512);
        assertThat(decoded.image().height()).isEqualTo(300);
        assertThat(decoded.originalWidth()).isEqualTo(1024);
        assertThat(decoded.originalHeight()).isEqualTo(600);
        assertThat(decoded.reduced()).isTrue();
        for (float v : decoded.image().data()) {
            assertThat(v).isCloseTo(127.5f, within(1e-3f));
        }
    }

    @Test
    void a_tall_narrow_image_keeps_its_aspect_ratio_when_reduced() {
        DecodedImage decoded = decoder.decode(png(rgb(20, 2048, 0x204060)));

        assertThat(decoded.image().height()).isEqualTo(512);
        assertThat(decoded.image().width()).isEqualTo(5);
        assertThat(decoded.originalWidth()).isEqualTo(20);
        assertThat(decoded.originalHeight()).isEqualTo(2048);
        assertPixel(decoded.image(), 511, 4, 0x20, 0x40, 0x60);
    }

    @Test
    void an_image_at_the_working_side_is_not_reduced() {
        DecodedImage decoded = decoder.decode(png(grey(512, 7, 200)));

        assertThat(decoded.reduced()).isFalse();
        assertThat(decoded.image().width()).isEqualTo(512);
        assertThat(decoded.image().height()).isEqualTo(7);
    }

    // ---------------------------------------------------------------- concurrency slots

    @Test
    void refused_and_failed_decodes_give_their_slot_back() {
        ImageDecoder single = new ImageDecoder(new ImageLimits(1024 * 1024, 4096, 16_000_000L, 512, 1));
        byte[] truncated = Arrays.copyOf(png(noise(32, 32)), 100);
        for (int i = 0; i < 5; i++) {
            assertRefused(single, truncated, "image.error.corrupt");
            assertRefused(single, CraftedImages.png(100_000, 1, 8, 0), "image.error.dimensions");
        }
        long start = System.nanoTime();
        assertThat(single.decode(png(grey(2, 2, 9))).image().data()).containsOnly(9f);
        assertThat(System.nanoTime() - start).as("no wait for a leaked slot").isLessThan(5_000_000_000L);
    }

    @Test
    void an_interrupted_request_is_told_the_server_is_busy_and_keeps_its_interrupt() {
        byte[] png = png(grey(2, 2, 0));
        Thread.currentThread().interrupt();
        try {
            assertRefused(decoder, png, "image.error.busy");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void recognises_the_format_by_its_magic_bytes() {
        assertThat(ImageDecoder.sniffFormat(png(grey(1, 1, 0)))).isEqualTo("png");
        assertThat(ImageDecoder.sniffFormat(jpeg(rgb(1, 1, 0), 0.9f))).isEqualTo("jpeg");
        assertThat(ImageDecoder.sniffFormat(encode(rgb(1, 1, 0), "gif"))).isEqualTo("gif");
        assertThat(ImageDecoder.sniffFormat(encode(rgb(1, 1, 0), "bmp"))).isEqualTo("bmp");
        assertThatThrownBy(() -> ImageDecoder.sniffFormat(new byte[] {(byte) 0x89, 'P'}))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("image.error.notImage"));
    }

    // ---------------------------------------------------------------- helpers

    /** Asserts the refusal's key, that both languages translate it, and that no Java detail leaks. */
    private static InvalidInputException assertRefused(ImageDecoder decoder, byte[] bytes, String key) {
        InvalidInputException[] thrown = new InvalidInputException[1];
        assertThatThrownBy(() -> decoder.decode(bytes))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(key);
                    assertThat(e.getMessage()).isEqualTo(key + Arrays.toString(e.args()));
                    thrown[0] = e;
                });
        assertThat(SPANISH.getProperty(key)).as("Spanish text for " + key).isNotBlank();
        assertThat(ENGLISH.getProperty(key)).as("English text for " + key).isNotBlank();
        return thrown[0];
    }

    private static void assertPixel(PixelImage img, int row, int col, int r, int g, int b) {
        assertPixelNear(img, row, col, r, g, b, 1e-3f);
    }

    private static void assertPixelNear(PixelImage img, int row, int col, int r, int g, int b, float tolerance) {
        assertThat(new float[] {img.at(0, row, col), img.at(1, row, col), img.at(2, row, col)})
                .as("pixel (%d, %d)", row, col)
                .containsExactly(new float[] {r, g, b}, within(tolerance));
    }

    private static Properties bundle(String path) {
        try (InputStream in = ImageDecoderTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage grey(int width, int height, int value) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = new int[width * height];
        Arrays.fill(values, value);
        img.getRaster().setPixels(0, 0, width, height, values);
        return img;
    }

    private static BufferedImage rgb(int width, int height, int colour) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, colour);
            }
        }
        return img;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return img;
    }

    private static byte[] png(BufferedImage img) {
        return encode(img, "png");
    }

    private static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ImageIO.write(img, format, out)).as("ImageIO writes " + format).isTrue();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] jpeg(BufferedImage img, float quality) {
        return jpeg(new IIOImage(img, null, null), quality);
    }

    private static byte[] jpeg(IIOImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] animatedGif(BufferedImage... frames) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Offset of a JPEG segment (e.g. 0xC0 = baseline frame header), walking the segments after SOI. */
    private static int indexOfMarker(byte[] jpeg, int marker) {
        int i = 2;
        while (i + 3 < jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int m = jpeg[i + 1] & 0xFF;
            if (m == marker) {
                return i;
            }
            if (m == 0xDA) {
                break;
            }
            i += 2 + ((jpeg[i + 2] & 0xFF) << 8 | (jpeg[i + 3] & 0xFF));
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    /** Offset of a GIF's first image descriptor (0x2C), skipping the global palette and extensions. */
    private static int gifImageDescriptor(byte[] gif) {
        int flags = gif[10] & 0xFF;
        int i = 13 + ((flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0);
        while (gif[i] == 0x21) {           // extension: label, then sub-blocks up to a zero length
            i += 2;
            while (gif[i] != 0) {
                i += 1 + (gif[i] & 0xFF);
            }
            i++;
        }
        assertThat(gif[i]).as("image descriptor").isEqualTo((byte) 0x2C);
        return i;
    }
}
