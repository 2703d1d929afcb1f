package org.cnnlab.convolution;

/**
 * The number of outputs along one axis: ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1, where n is the input
 * length, p the zeros added on each side (p₁ + p₂ when SAME padding needs an odd total), k the
 * kernel size, d the dilation and s the stride. d(k−1)+1 is the span the dilated kernel covers.
 */
public record OutputSize(int n, int kernel, int dilation, int padBefore, int padAfter, int stride, int size) {

    public static OutputSize of(int n, int kernel, Padding padding, int stride, int dilation) {
        int span = span(kernel, dilation);
        int[] pad = padding.resolve(n, span, stride);
        int padded = n + pad[0] + pad[1];
        int size = padded < span ? 0 : Math.floorDiv(padded - span, stride) + 1;
        return new OutputSize(n, kernel, dilation, pad[0], pad[1], stride, size);
    }

    public static int span(int kernel, int dilation) {
        return dilation * (kernel - 1) + 1;
    }

    public int span() {
        return span(kernel, dilation);
    }

    public int paddedLength() {
        return n + padBefore + padAfter;
    }

    /**
     * The formula with this axis's numbers, e.g. "⌊(7 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 5"; an odd
     * SAME padding shows its two sides, "(n + p₁ + p₂ − …)".
     */
    public String worked() {
        String pad = symmetric() ? "2·" + padBefore : padBefore + " + " + padAfter;
        return "⌊(" + n + " + " + pad + " − " + dilation + "·(" + kernel + "−1) − 1)/" + stride + "⌋ + 1 = " + size;
    }

    public boolean symmetric() {
        return padBefore == padAfter;
    }
}
