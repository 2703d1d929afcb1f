package org.cnnlab.convolution;

import java.util.List;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;

/**
 * Reads the kernel grid as a student types it: "1.5" and "1,5" (Spanish decimal comma), "-2",
 * "1e-3" and fractions such as "1/16" are numbers; anything else, NaN and ±∞ included, is refused
 * with the cell's row and column so the editor can point at it.
 */
public final class KernelParser {

    /** A refused cell: row and column count from 1 for the message, {@code index} from 0. */
    public static final class CellException extends InvalidInputException {
        private final int index;

        CellException(int index, int size, String key, Object... extra) {
            super(key, withCell(index, size, extra));
            this.index = index;
        }

        public int index() {
            return index;
        }

        private static Object[] withCell(int index, int size, Object[] extra) {
            Object[] args = new Object[2 + extra.length];
            args[0] = index / size + 1;
            args[1] = index % size + 1;
            System.arraycopy(extra, 0, args, 2, extra.length);
            return args;
        }
    }

    private KernelParser() {
    }

    public static Kernel parse(List<String> cells, int size, double maxAbsWeight) {
        if (cells.size() != size * size) {
            throw new IllegalArgumentException(cells.size() + " cells for a " + size + "×" + size + " kernel");
        }
        float[] weights = new float[cells.size()];
        for (int i = 0; i < weights.length; i++) {
            double value = parseNumber(cells.get(i), i, size);
            if (!Double.isFinite(value) || Double.isNaN(value)) {
                throw new CellException(i, size, "kernel.error.cellNotFinite");
            }
            if (Math.abs(value) > maxAbsWeight) {
                throw new CellException(i, size, "kernel.error.cellTooLarge", maxAbsWeight);
            }
            weights[i] = (float) value;
        }
        return new Kernel(size, weights);
    }

    /** A kernel value as the grid shows it: shortest form, at most 6 significant digits. */
    public static String format(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        String s = String.format(Locale.ROOT, "%.6g", value);
        if (s.contains("e")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static double parseNumber(String raw, int index, int size) {
        String text = raw == null ? "" : raw.strip().replace('−', '-').replace(',', '.');
        if (text.isEmpty()) {
            throw new CellException(index, size, "kernel.error.cellEmpty");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("nan") || lower.contains("inf") || lower.contains("∞")) {
            throw new CellException(index, size, "kernel.error.cellNotFinite");
        }
        try {
            int slash = text.indexOf('/');
            if (slash > 0) {
                double denominator = Double.parseDouble(text.substring(slash + 1));
                if (denominator == 0) {
                    throw new CellException(index, size, "kernel.error.cellNotFinite");
                }
                return Double.parseDouble(text.substring(0, slash)) / denominator;
            }
            if (!text.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(text);
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new CellException(index, size, "kernel.error.cellNotNumber");
        }
    }
}
