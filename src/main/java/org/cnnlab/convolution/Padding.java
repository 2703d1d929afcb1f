package org.cnnlab.convolution;

/**
 * Zeros added around the image before the kernel slides. VALID adds none; SAME adds just enough
 * that the output has ⌈n/s⌉ values (the extra zero goes after when the total is odd, as in
 * TensorFlow and PyTorch's padding='same'); EXPLICIT adds p on every side.
 */
public record Padding(Mode mode, int amount) {

    public enum Mode { VALID, SAME, EXPLICIT }

    public static final Padding VALID = new Padding(Mode.VALID, 0);
    public static final Padding SAME = new Padding(Mode.SAME, 0);

    public static Padding explicit(int p) {
        return new Padding(Mode.EXPLICIT, p);
    }

    /** Zeros before and after along an axis of length n, for a kernel spanning {@code span} pixels. */
    public int[] resolve(int n, int span, int stride) {
        return switch (mode) {
            case VALID -> new int[] {0, 0};
            case EXPLICIT -> new int[] {amount, amount};
            case SAME -> {
                int out = (n + stride - 1) / stride;
                int total = Math.max((out - 1) * stride + span - n, 0);
                yield new int[] {total / 2, total - total / 2};
            }
        };
    }
}
