package org.cnnlab.convolution;

/**
 * One output of the convolution, values row by row. {@code channel} is the input channel the map
 * came from (EACH_CHANNEL mode), or −1 when it sums all of them.
 */
public record FeatureMap(int channel, int height, int width, float[] values) {

    public float at(int row, int col) {
        return values[row * width + col];
    }
}
