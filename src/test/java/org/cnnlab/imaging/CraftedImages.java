package org.cnnlab.imaging;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.DeflaterOutputStream;

/** Hostile images for tests, made on the fly rather than committed. */
public final class CraftedImages {
    private CraftedImages() {
    }

    /** A tiny, well-formed PNG (valid CRCs) whose IHDR claims any size; its pixel data is a few zeros. */
    public static byte[] png(int width, int height, int bitDepth, int colourType) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(width);
            d.writeInt(height);
            d.writeByte(bitDepth);
            d.writeByte(colourType);
            d.writeByte(0);
            d.writeByte(0);
            d.writeByte(0);
            PngEncoder.chunk(out, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat)) {
                z.write(new byte[64]);
            }
            PngEncoder.chunk(out, "IDAT", idat.toByteArray());
            PngEncoder.chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A decompression bomb's calling card: an 8-bit RGB PNG of a few bytes whose header claims width×height. */
    public static byte[] pngClaiming(int width, int height) {
        return png(width, height, 8, 2);
    }
}
