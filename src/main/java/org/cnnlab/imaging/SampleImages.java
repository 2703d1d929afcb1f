package org.cnnlab.imaging;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.cnnlab.base.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The gallery of input images: images our code makes (the lecture's 7×9 matrix, shapes, text,
 * gradients, a checkerboard) and photos unpacked at build time from Debian's python3-skimage
 * (CC0 / public domain, see data/README.md). Photos go through the same {@link ImageDecoder}
 * as uploads.
 */
@Component
public class SampleImages {

    /** The clean 7×9 pixel matrix from the lecture's slides ("From MLP to CNNs"). */
    public static final float[][] LECTURE_MATRIX = {
            {100, 81, 25, 94, 21, 12, 210, 26, 167},
            {45, 30, 7, 28, 79, 12, 10, 15, 138},
            {70, 81, 25, 94, 5, 12, 231, 26, 160},
            {101, 90, 25, 82, 79, 189, 210, 120, 180},
            {98, 81, 250, 85, 75, 186, 199, 167, 145},
            {92, 99, 233, 74, 62, 191, 205, 190, 167},
            {101, 108, 210, 94, 76, 192, 210, 222, 117},
    };
    public static final String LECTURE_MATRIX_ID = "lecture-matrix";
    private static final List<String> PHOTOS = List.of(
            "camera.png", "astronaut.png", "chelsea.png", "coffee.png", "rocket.jpg", "brick.png", "grass.png");

    /** One entry of the gallery; {@code labelKey} is an i18n key. */
    public record Sample(String id, String labelKey, boolean photo) {
    }

    private final ImageDecoder decoder;

    public SampleImages(ImageDecoder decoder) {
        this.decoder = decoder;
    }

    public List<Sample> list() {
        List<Sample> samples = new ArrayList<>(List.of(
                new Sample(LECTURE_MATRIX_ID, "sample.lecture-matrix", false),
                new Sample("shapes", "sample.shapes", false),
                new Sample("text", "sample.text", false),
                new Sample("gradient", "sample.gradient", false),
                new Sample("checkerboard", "sample.checkerboard", false)));
        for (String photo : PHOTOS) {
            if (SampleImages.class.getResource(photoPath(photo)) != null) {
                String id = photo.substring(0, photo.indexOf('.'));
                samples.add(new Sample(id, "sample.photo." + id, true));
            }
        }
        return samples;
    }

    public PixelImage load(String id) {
        return switch (id) {
            case LECTURE_MATRIX_ID -> lectureMatrix();
            case "shapes" -> fromGraphics(128, 128, true, SampleImages::drawShapes);
            case "text" -> fromGraphics(64, 192, false, SampleImages::drawText);
            case "gradient" -> gradient(128, 128);
            case "checkerboard" -> checkerboard(128, 128, 16);
            default -> photo(id);
        };
    }

    public static PixelImage lectureMatrix() {
        int h = LECTURE_MATRIX.length;
        int w = LECTURE_MATRIX[0].length;
        float[] values = new float[h * w];
        for (int r = 0; r < h; r++) {
            System.arraycopy(LECTURE_MATRIX[r], 0, values, r * w, w);
        }
        return PixelImage.grey(h, w, values);
    }

    private PixelImage photo(String id) {
        String file = PHOTOS.stream().filter(p -> p.startsWith(id + ".")).findFirst()
                .orElseThrow(() -> new InvalidInputException("sample.error.unknown", id));
        Supplier<InputStream> open = () -> SampleImages.class.getResourceAsStream(photoPath(file));
        try (InputStream in = open.get()) {
            if (in == null) {
                throw new InvalidInputException("sample.error.unknown", id);
            }
            return decoder.decode(in.readAllBytes()).image();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String photoPath(String file) {
        return "/samples/photos/" + file;
    }

    private interface Painter {
        void paint(Graphics2D g, int width, int height);
    }

    private static PixelImage fromGraphics(int height, int width, boolean colour, Painter painter) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            painter.paint(g, width, height);
        } finally {
            g.dispose();
        }
        int n = width * height;
        float[] data = new float[3 * n];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = img.getRGB(x, y);
                int i = y * width + x;
                data[i] = (p >> 16) & 0xFF;
                data[n + i] = (p >> 8) & 0xFF;
                data[2 * n + i] = p & 0xFF;
            }
        }
        PixelImage rgb = new PixelImage(3, height, width, data);
        return colour ? rgb : rgb.toGrey();
    }

    private static void drawShapes(Graphics2D g, int w, int h) {
        g.setColor(new Color(0xD55E00));
        g.fillOval(10, 12, 50, 50);
        g.setColor(new Color(0x009E73));
        g.fillRect(70, 16, 44, 44);
        g.setColor(new Color(0x0072B2));
        g.fillPolygon(new int[] {20, 60, 40}, new int[] {116, 116, 76}, 3);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(4));
        g.drawLine(72, 80, 116, 116);
    }

    private static void drawText(Graphics2D g, int w, int h) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
        g.drawString("CNN Lab", 12, 46);
    }

    private static PixelImage gradient(int h, int w) {
        int n = h * w;
        float[] data = new float[3 * n];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                data[i] = 255f * x / (w - 1);
                data[n + i] = 255f * y / (h - 1);
                data[2 * n + i] = 255f * (1 - (float) x / (w - 1));
            }
        }
        return new PixelImage(3, h, w, data);
    }

    private static PixelImage checkerboard(int h, int w, int square) {
        float[] data = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                data[y * w + x] = ((y / square + x / square) % 2 == 0) ? 255f : 0f;
            }
        }
        return PixelImage.grey(h, w, data);
    }
}
