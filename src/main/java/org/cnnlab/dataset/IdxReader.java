package org.cnnlab.dataset;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.cnnlab.base.InvalidInputException;

/**
 * Reads IDX files (the MNIST format): a magic number 0x0000 08 D (unsigned bytes, D dimensions),
 * D big-endian sizes, then the bytes. Gzipped files are recognised by their first bytes.
 */
public final class IdxReader {

    /** @param dims the sizes, e.g. {60000, 28, 28} for images or {60000} for labels */
    public record Idx(int[] dims, byte[] data) {
    }

    private IdxReader() {
    }

    public static Idx read(InputStream raw, long maxBytes) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(buffered) : buffered;
        DataInputStream data = new DataInputStream(in);
        int magic = data.readInt();
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xFF) != 0x08) {
            throw new InvalidInputException("dataset.error.idx");
        }
        int rank = magic & 0xFF;
        if (rank < 1 || rank > 4) {
            throw new InvalidInputException("dataset.error.idx");
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = data.readInt();
            if (dims[d] < 0) throw new InvalidInputException("dataset.error.idx");
            total *= dims[d];
        }
        if (total > maxBytes) {
            throw new InvalidInputException("dataset.error.tooLarge", total, maxBytes);
        }
        byte[] bytes = new byte[(int) total];
        data.readFully(bytes);
        return new Idx(dims, bytes);
    }

    /** Images (N×H×W) and labels (N) as one labelled set, pixels scaled to 0…1. */
    public static LabelledImages labelled(String id, List<String> classes, Idx images, Idx labels) {
        if (images.dims().length != 3 || labels.dims().length != 1 || images.dims()[0] != labels.dims()[0]) {
            throw new InvalidInputException("dataset.error.idx");
        }
        int n = images.dims()[0];
        float[] pixels = new float[images.data().length];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (images.data()[i] & 0xFF) / 255f;
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = labels.data()[i] & 0xFF;
            if (l[i] >= classes.size()) throw new InvalidInputException("dataset.error.idx");
        }
        return new LabelledImages(id, classes, 1, images.dims()[1], images.dims()[2], pixels, l);
    }
}
