package org.cnnlab.imaging;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.cnnlab.base.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Turns untrusted bytes (uploads, drawings) into a {@link PixelImage}, refusing with a translated
 * reason anything that is not a PNG, JPEG, GIF or BMP, is corrupt or truncated, or is too big.
 * The format is recognised by its magic bytes, never by the file name; the size is read from the
 * header before decoding. Grey images (8/16-bit, with or without alpha) stay one channel; colour,
 * palette and 16-bit images become RGB; transparency is composited over white.
 */
@Component
public class ImageDecoder {

    private final ImageLimits limits;
    private final Semaphore decodeSlots;

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
        this.decodeSlots = new Semaphore(limits.maxConcurrentDecodes(), true);
    }

    public ImageLimits limits() {
        return limits;
    }

    public DecodedImage decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("image.error.empty");
        }
        if (bytes.length > limits.maxUploadBytes()) {
            throw new InvalidInputException("image.error.tooLarge", megabytes(bytes.length), megabytes(limits.maxUploadBytes()));
        }
        String format = sniffFormat(bytes);
        try {
            if (!decodeSlots.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new InvalidInputException("image.error.busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("image.error.busy");
        }
        try {
            return read(bytes, format);
        } finally {
            decodeSlots.release();
        }
    }

    /** Recognises the four accepted formats by their first bytes; names SVG and text explicitly. */
    static String sniffFormat(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G')) return "png";
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) return "jpeg";
        if (startsWith(b, 'G', 'I', 'F', '8')) return "gif";
        if (startsWith(b, 'B', 'M')) return "bmp";
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (head.contains("<svg") || (head.stripLeading().startsWith("<?xml") && head.contains("svg"))) {
            throw new InvalidInputException("image.error.svg");
        }
        throw new InvalidInputException("image.error.notImage");
    }

    private DecodedImage read(byte[] bytes, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (!readers.hasNext()) {
                throw new InvalidInputException("image.error.notImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkDimensions(width, height);
                boolean firstFrameOnly = "gif".equals(format) && frameCountAtLeastTwo(reader);
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage decoded = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new InvalidInputException("image.error.corrupt");
                }
                return new DecodedImage(toPixels(decoded), format, width, height, firstFrameOnly);
            } finally {
                reader.dispose();
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (headerDeclaresZeroSize(bytes, format)) {
                throw new InvalidInputException(e, "image.error.zeroSize");
            }
            String message = String.valueOf(e.getMessage());
            if ("jpeg".equals(format) && message.contains("Unsupported Image Type")) {
                throw new InvalidInputException(e, "image.error.cmyk");
            }
            throw new InvalidInputException(e, "image.error.corrupt");
        }
    }

    private void checkDimensions(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new InvalidInputException("image.error.zeroSize");
        }
        if (width > limits.maxSide() || height > limits.maxSide() || (long) width * height > limits.maxPixels()) {
            throw new InvalidInputException("image.error.dimensions", width, height, limits.maxSide(),
                    String.format(Locale.ROOT, "%.1f", limits.maxPixels() / 1e6));
        }
    }

    /**
     * The PNG, BMP and JPEG readers refuse a header with a zero width (or height) as a generic I/O
     * error, so when a reader fails we look at the header ourselves to give the clearer reason.
     * (The GIF reader reports the zero size, which {@link #checkDimensions} catches. A JPEG height
     * of 0 means "given later by a DNL marker", which the JDK cannot read, so it stays corrupt.)
     */
    private static boolean headerDeclaresZeroSize(byte[] b, String format) {
        return switch (format) {
            case "png" -> b.length >= 24 && b[12] == 'I' && b[13] == 'H' && b[14] == 'D' && b[15] == 'R'
                    && (int32BigEndian(b, 16) == 0 || int32BigEndian(b, 20) == 0);
            case "bmp" -> b.length >= 26 && (int32LittleEndian(b, 14) == 12
                    ? uint16LittleEndian(b, 18) == 0 || uint16LittleEndian(b, 20) == 0
                    : int32LittleEndian(b, 18) == 0 || int32LittleEndian(b, 22) == 0);
            case "jpeg" -> jpegWidthIsZero(b);
            default -> false;
        };
    }

    private static boolean jpegWidthIsZero(byte[] b) {
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) return false;
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
            } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                i += 2;
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return i + 8 < b.length && ((b[i + 7] & 0xFF) << 8 | (b[i + 8] & 0xFF)) == 0;
            } else if (marker == 0xD9 || marker == 0xDA) {
                return false;
            } else {
                i += 2 + ((b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF));
            }
        }
        return false;
    }

    private static int int32BigEndian(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static int int32LittleEndian(byte[] b, int at) {
        return (b[at + 3] & 0xFF) << 24 | (b[at + 2] & 0xFF) << 16 | (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
    }

    private static int uint16LittleEndian(byte[] b, int at) {
        return (b[at + 1] & 0xFF) << 8 | (b[at] & 0xFF);
    }

    private static boolean frameCountAtLeastTwo(ImageReader reader) {
        try {
            reader.getWidth(1);
            return true;
        } catch (IOException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** Converts any decoded colour model to 0…255 planes, reducing to the working size on the way. */
    private PixelImage toPixels(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        ColorModel cm = img.getColorModel();
        boolean grey = cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY && !(cm instanceof IndexColorModel);
        int channels = grey ? 1 : 3;
        AreaResampler resampler = AreaResampler.fitting(channels, h, w, limits.workingSide());
        float[][] row = new float[channels][w];
        if (grey) {
            Raster raster = img.getRaster();
            int bits = cm.getComponentSize(0);
            float scale = 255f / ((1L << bits) - 1);
            boolean alpha = cm.hasAlpha();
            float alphaScale = alpha ? 1f / ((1L << cm.getComponentSize(1)) - 1) : 0f;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = raster.getSample(x, y, 0) * scale;
                    if (alpha) {
                        float a = raster.getSample(x, y, 1) * alphaScale;
                        v = v * a + 255f * (1 - a);
                    }
                    row[0][x] = v;
                }
                resampler.addRow(y, row);
            }
        } else {
            int[] argb = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, argb, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = argb[x];
                    float a = ((p >>> 24) & 0xFF) / 255f;
                    float white = 255f * (1 - a);
                    row[0][x] = ((p >> 16) & 0xFF) * a + white;
                    row[1][x] = ((p >> 8) & 0xFF) * a + white;
                    row[2][x] = (p & 0xFF) * a + white;
                }
                resampler.addRow(y, row);
            }
        }
        return resampler.result();
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) return false;
        }
        return true;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }
}
