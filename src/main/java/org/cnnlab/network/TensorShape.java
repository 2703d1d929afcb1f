package org.cnnlab.network;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The shape of one example flowing through a network, without the batch axis: (C, H, W) for
 * images and feature maps, (features) after Flatten, Dense or global average pooling.
 */
public record TensorShape(int[] dims) implements Serializable {

    public TensorShape {
        dims = dims.clone();
    }

    public static TensorShape image(int channels, int height, int width) {
        return new TensorShape(new int[] {channels, height, width});
    }

    public static TensorShape vector(int features) {
        return new TensorShape(new int[] {features});
    }

    public boolean isImage() {
        return dims.length == 3;
    }

    public int channels() {
        return dims[0];
    }

    public int height() {
        return dims[1];
    }

    public int width() {
        return dims[2];
    }

    public long size() {
        long n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    @Override
    public int[] dims() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TensorShape t && Arrays.equals(dims, t.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** As students read it: 46×46×8 (H×W×C, the lecture's order) or 128. */
    @Override
    public String toString() {
        return isImage() ? height() + "×" + width() + "×" + channels() : Integer.toString(dims[0]);
    }
}
