package org.cnnlab.imaging;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG writer (8-bit grey, RGB or palette; no filtering; fastest deflate). Feature maps
 * are re-rendered on every keystroke, so speed matters more than the last byte of compression.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngEncoder() {
    }

    /** Encodes an image whose values are 0…255 (clamped), grey or RGB. */
    public static byte[] encode(PixelImage image) {
        int w = image.width();
        int h = image.height();
        int c = image.channels() >= 3 ? 3 : 1;
        byte[] pixels = new byte[h * w * c];
        float[] d = image.data();
        int plane = h * w;
        for (int i = 0; i < plane; i++) {
            for (int ch = 0; ch < c; ch++) {
                pixels[i * c + ch] = (byte) clampByte(d[ch * plane + i]);
            }
        }
        return write(w, h, c == 3 ? 2 : 0, pixels, c, null);
    }

    /** Encodes palette indices (one byte a pixel) with a palette of 0xRRGGBB colours. */
    public static byte[] indexed(int width, int height, byte[] indices, int[] palette) {
        byte[] plte = new byte[palette.length * 3];
        for (int i = 0; i < palette.length; i++) {
            plte[3 * i] = (byte) (palette[i] >> 16);
            plte[3 * i + 1] = (byte) (palette[i] >> 8);
            plte[3 * i + 2] = (byte) palette[i];
        }
        return write(width, height, 3, indices, 1, plte);
    }

    private static byte[] write(int w, int h, int colorType, byte[] pixels, int bytesPerPixel, byte[] plte) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(pixels.length / 4 + 1024);
            out.write(SIGNATURE);
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(w);
            d.writeInt(h);
            d.writeByte(8);          // bit depth
            d.writeByte(colorType);
            d.writeByte(0);          // deflate
            d.writeByte(0);          // adaptive filtering (we use filter type 0 on every row)
            d.writeByte(0);          // no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            if (plte != null) {
                chunk(out, "PLTE", plte);
            }
            ByteArrayOutputStream idat = new ByteArrayOutputStream(pixels.length / 4 + 64);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                int stride = w * bytesPerPixel;
                for (int y = 0; y < h; y++) {
                    z.write(0);
                    z.write(pixels, y * stride, stride);
                }
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One PNG chunk: length, type, data, CRC-32 of type and data. */
    static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    private static int clampByte(float v) {
        if (!(v > 0)) return 0;
        return v >= 255 ? 255 : Math.round(v);
    }
}
