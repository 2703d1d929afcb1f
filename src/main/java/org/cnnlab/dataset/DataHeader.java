package org.cnnlab.dataset;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a set of labelled images is without its images: id, classes, image shape and how many images
 * each class has. Enough to check and price a training request; a few hundred bytes where the
 * images are megabytes.
 */
public record DataHeader(String id, List<String> classes, int channels, int height, int width, int[] counts)
        implements Serializable {

    public DataHeader {
        classes = List.copyOf(classes);
        counts = counts.clone();
        if (counts.length != classes.size()) throw new IllegalArgumentException(counts.length + " counts for " + classes.size() + " classes");
    }

    /** Every class with {@code perClass} images. */
    public static DataHeader of(String id, List<String> classes, int channels, int height, int width, int perClass) {
        int[] counts = new int[classes.size()];
        Arrays.fill(counts, perClass);
        return new DataHeader(id, classes, channels, height, width, counts);
    }

    public int size() {
        return Arrays.stream(counts).sum();
    }

    public int imageSize() {
        return channels * height * width;
    }

    @Override
    public int[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataHeader h && id.equals(h.id) && classes.equals(h.classes) && channels == h.channels && height == h.height
                && width == h.width && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, classes, channels, height, width, Arrays.hashCode(counts));
    }
}
