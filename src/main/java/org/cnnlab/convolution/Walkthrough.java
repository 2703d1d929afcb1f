package org.cnnlab.convolution;

import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.PixelImage;

/**
 * One output value taken apart: the window of the input under the kernel, the k·k products
 * f[u, v]·F[s·i + d·u − p, s·j + d·v − p] (zero where the window hangs over the padding), and their
 * sum plus the bias. Plain Java loops, so the numbers a student reads can be checked by hand.
 */
public final class Walkthrough {

    /** One product of the sum; {@code row}/{@code col} are input coordinates (outside = padding). */
    public record Term(int channel, int u, int v, int row, int col, boolean padding, float pixel, float weight,
                       double product) {
    }

    public record Cell(int outRow, int outCol, List<Term> terms, float bias, double sum) {
    }

    private Walkthrough() {
    }

    /**
     * @param image the image as the convolution sees it (grey for GREY mode)
     * @param kernels the effective kernels, one per input channel of this map (already flipped if asked)
     * @param channels the input channels this map sums over
     */
    public static Cell explain(PixelImage image, List<Kernel> kernels, List<Integer> channels,
                               ConvolutionSettings s, int outRow, int outCol) {
        OutputSize rows = OutputSize.of(image.height(), s.kernelSize(), s.padding(), s.stride(), s.dilation());
        OutputSize cols = OutputSize.of(image.width(), s.kernelSize(), s.padding(), s.stride(), s.dilation());
        if (outRow < 0 || outRow >= rows.size() || outCol < 0 || outCol >= cols.size()) {
            throw new InvalidInputException("walk.error.cell", outRow, outCol, rows.size(), cols.size());
        }
        int k = s.kernelSize();
        List<Term> terms = new ArrayList<>(k * k * channels.size());
        double sum = s.bias();
        for (int index = 0; index < channels.size(); index++) {
            int c = channels.get(index);
            Kernel f = kernels.get(index);
            for (int u = 0; u < k; u++) {
                for (int v = 0; v < k; v++) {
                    int row = outRow * s.stride() + u * s.dilation() - rows.padBefore();
                    int col = outCol * s.stride() + v * s.dilation() - cols.padBefore();
                    boolean padding = row < 0 || col < 0 || row >= image.height() || col >= image.width();
                    float pixel = padding ? 0f : image.at(c, row, col);
                    double product = (double) f.at(u, v) * pixel;
                    sum += product;
                    terms.add(new Term(c, u, v, row, col, padding, pixel, f.at(u, v), product));
                }
            }
        }
        return new Cell(outRow, outCol, terms, s.bias(), sum);
    }
}
