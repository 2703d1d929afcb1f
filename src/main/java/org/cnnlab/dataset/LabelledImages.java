package org.cnnlab.dataset;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;

/**
 * Images with class labels, as training wants them: N images of C×H×W floats in 0…1, row-major,
 * one after another, and N labels in 0…classes−1.
 */
public record LabelledImages(String id, List<String> classes, int channels, int height, int width, float[] pixels,
                             int[] labels) implements Serializable {

    public LabelledImages {
        classes = List.copyOf(classes);
        if (pixels.length != labels.length * channels * height * width) {
            throw new IllegalArgumentException(pixels.length + " values for " + labels.length + " images of " + channels + "×" + height + "×" + width);
        }
    }

    /** The same set's description (id, classes, image shape) with no images. */
    public LabelledImages withoutImages() {
        return new LabelledImages(id, classes, channels, height, width, new float[0], new int[0]);
    }

    /** Its id, classes, shape and class counts, without the images. */
    public DataHeader header() {
        return new DataHeader(id, classes, channels, height, width, classCounts());
    }

    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return channels * height * width;
    }

    /** Image {@code i}'s C×H×W values. */
    public float[] image(int i) {
        return Arrays.copyOfRange(pixels, i * imageSize(), (i + 1) * imageSize());
    }

    /** Image {@code i} as a PNG, to show. */
    public byte[] png(int i) {
        return PngEncoder.encode(PixelImage.fromUnit(channels, height, width, image(i)));
    }

    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int label : labels) counts[label]++;
        return counts;
    }

    /** Images {@code from} (inclusive) to {@code to} (exclusive), in order: a batch. */
    public LabelledImages slice(int from, int to) {
        int n = imageSize();
        return new LabelledImages(id, classes, channels, height, width,
                Arrays.copyOfRange(pixels, from * n, to * n), Arrays.copyOfRange(labels, from, to));
    }

    /** The images at {@code indices}, in that order (a split, a shuffle, a batch). */
    public LabelledImages subset(int[] indices) {
        int n = imageSize();
        float[] p = new float[indices.length * n];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * n, p, i * n, n);
            l[i] = labels[indices[i]];
        }
        return new LabelledImages(id, classes, channels, height, width, p, l);
    }
}
