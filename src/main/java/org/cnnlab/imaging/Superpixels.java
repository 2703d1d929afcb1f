package org.cnnlab.imaging;

import java.util.Arrays;

/**
 * Superpixels by SLIC (Achanta et al. 2012): pixels grouped into compact regions of similar colour,
 * the segments LIME switches on and off in the lecture's husky-or-wolf figure. Centres start on a
 * grid of step S; each pixel joins the nearest centre within 2S by the distance
 * D² = |colour − colour_k|² + (m · |position − position_k| / S)², centres move to their members'
 * mean, ten times; then every label is made one connected region and specks smaller than S²/4
 * join a neighbour. Colours are the input's own values in 0…1; m (compactness) weighs position
 * against colour.
 */
public final class Superpixels {

    private static final int ITERATIONS = 10;

    private Superpixels() {
    }

    /**
     * @param x       C×H×W values in 0…1
     * @param step    S, the side of a superpixel in pixels (≥ 2)
     * @param compactness m; 0.1 makes a jump of 0.1 in colour count as much as S pixels of distance
     * @return a label 0…K−1 for each of the H×W pixels, each label one connected region
     */
    public static int[] slic(float[] x, int channels, int height, int width, int step, double compactness) {
        if (step < 2) throw new IllegalArgumentException("step " + step);
        int plane = height * width;
        int rows = Math.max(1, Math.round((float) height / step));
        int cols = Math.max(1, Math.round((float) width / step));
        int k = rows * cols;
        double[][] centre = gridCentres(x, channels, height, width, rows, cols);
        int[] label = new int[plane];
        double[] best = new double[plane];
        double weight = (compactness / step) * (compactness / step);
        for (int it = 0; it < ITERATIONS; it++) {
            Arrays.fill(best, Double.POSITIVE_INFINITY);
            for (int i = 0; i < k; i++) {
                double[] ck = centre[i];
                int y0 = Math.max(0, (int) (ck[channels] - 2 * step));
                int y1 = Math.min(height - 1, (int) (ck[channels] + 2 * step));
                int x0 = Math.max(0, (int) (ck[channels + 1] - 2 * step));
                int x1 = Math.min(width - 1, (int) (ck[channels + 1] + 2 * step));
                for (int y = y0; y <= y1; y++) {
                    for (int xx = x0; xx <= x1; xx++) {
                        int p = y * width + xx;
                        double d = 0;
                        for (int ch = 0; ch < channels; ch++) {
                            double e = x[ch * plane + p] - ck[ch];
                            d += e * e;
                        }
                        double dy = y - ck[channels];
                        double dx = xx - ck[channels + 1];
                        d += weight * (dy * dy + dx * dx);
                        if (d < best[p]) {
                            best[p] = d;
                            label[p] = i;
                        }
                    }
                }
            }
            moveCentres(centre, x, channels, width, label);
        }
        return connected(label, height, width, Math.max(1, step * step / 4));
    }

    /** A rows×cols grid of centres (colour…, y, x), each at its cell's middle pixel. */
    private static double[][] gridCentres(float[] x, int channels, int height, int width, int rows, int cols) {
        int plane = height * width;
        double[][] centre = new double[rows * cols][channels + 2];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int y = Math.min(height - 1, (int) ((r + 0.5) * height / rows));
                int xx = Math.min(width - 1, (int) ((c + 0.5) * width / cols));
                double[] ck = centre[r * cols + c];
                for (int ch = 0; ch < channels; ch++) ck[ch] = x[ch * plane + y * width + xx];
                ck[channels] = y;
                ck[channels + 1] = xx;
            }
        }
        return centre;
    }

    /** Each centre moves to the mean colour and position of the pixels labelled with it (a centre with none stays). */
    private static void moveCentres(double[][] centre, float[] x, int channels, int width, int[] label) {
        int plane = label.length;
        double[][] sum = new double[centre.length][channels + 3];
        for (int p = 0; p < plane; p++) {
            double[] s = sum[label[p]];
            for (int ch = 0; ch < channels; ch++) s[ch] += x[ch * plane + p];
            s[channels] += p / width;
            s[channels + 1] += p % width;
            s[channels + 2]++;
        }
        for (int i = 0; i < centre.length; i++) {
            if (sum[i][channels + 2] == 0) continue;
            for (int j = 0; j < channels + 2; j++) centre[i][j] = sum[i][j] / sum[i][channels + 2];
        }
    }

    /** Each connected piece of a label becomes its own label; a piece smaller than {@code minSize} joins the piece before it. */
    static int[] connected(int[] label, int height, int width, int minSize) {
        int plane = label.length;
        int[] out = new int[plane];
        Arrays.fill(out, -1);
        int[] queue = new int[plane];
        int next = 0;
        int[][] around = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        for (int start = 0; start < plane; start++) {
            if (out[start] >= 0) continue;
            int adjacent = -1;   // a label already given next to this piece
            for (int[] d : around) {
                int y = start / width + d[0];
                int xx = start % width + d[1];
                if (y >= 0 && y < height && xx >= 0 && xx < width && out[y * width + xx] >= 0) adjacent = out[y * width + xx];
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            out[start] = next;
            while (head < tail) {
                int p = queue[head++];
                for (int[] d : around) {
                    int y = p / width + d[0];
                    int xx = p % width + d[1];
                    if (y < 0 || y >= height || xx < 0 || xx >= width) continue;
                    int q = y * width + xx;
                    if (out[q] < 0 && label[q] == label[start]) {
                        out[q] = next;
                        queue[tail++] = q;
                    }
                }
            }
            if (tail < minSize && adjacent >= 0) {
                for (int i = 0; i < tail; i++) out[queue[i]] = adjacent;
            } else {
                next++;
            }
        }
        return out;
    }

    /** How many labels {@code labels} uses (they are 0…K−1). */
    public static int count(int[] labels) {
        int max = -1;
        for (int l : labels) max = Math.max(max, l);
        return max + 1;
    }
}
