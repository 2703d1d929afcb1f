package org.cnnlab.convolution;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.imaging.PixelImage;
import org.springframework.stereotype.Service;

/**
 * Computes feature maps with DJL's 2-D convolution, which is cross-correlation, exactly the
 * lecture's G[i, j] = Σ_u Σ_v f[u, v]·F[i + u, j + v] (u, v = 0…k−1), generalised with stride s,
 * dilation d and zero padding: G[i, j] = b + Σ_c Σ_u Σ_v f_c[u, v]·F_c[s·i + d·u − p, s·j + d·v − p].
 * "True convolution" is the same with the kernel flipped. Each call runs in its own NDManager
 * scope; only plain Java arrays leave this class.
 */
@Service
public class ConvolutionService {

    /**
     * PyTorch 2.7 sends a single small image (at most this many values) with a 3×3 kernel to its
     * NNPACK path, which on CPUs NNPACK does not support prints "Could not initialize NNPACK!" to
     * stderr on every call (a line per keystroke per student). A batch of two takes the oneDNN
     * path instead; the second copy costs nothing at this size and is dropped.
     */
    private static final long SMALL_INPUT = 20_480;

    private final DjlRuntime djl;
    private final ConvolutionLimits limits;

    public ConvolutionService(DjlRuntime djl, ConvolutionLimits limits) {
        this.djl = djl;
        this.limits = limits;
    }

    public ConvolutionLimits limits() {
        return limits;
    }

    /**
     * @param kernels one kernel, or (CONV_LAYER mode) one per image channel
     */
    public ConvolutionResult apply(PixelImage image, List<Kernel> kernels, ConvolutionSettings settings) {
        validate(image, kernels, settings);
        PixelImage input = settings.channelMode() == ChannelMode.GREY ? image.toGrey() : image;
        int channels = input.channels();
        int k = settings.kernelSize();
        OutputSize rows = OutputSize.of(input.height(), k, settings.padding(), settings.stride(), settings.dilation());
        OutputSize cols = OutputSize.of(input.width(), k, settings.padding(), settings.stride(), settings.dilation());
        boolean oneMapPerChannel = settings.channelMode() == ChannelMode.EACH_CHANNEL && channels > 1;
        int outChannels = oneMapPerChannel ? channels : 1;
        int groups = oneMapPerChannel ? channels : 1;
        float[] weight = weights(kernels, settings, channels);
        float[] bias = new float[outChannels];
        Arrays.fill(bias, settings.bias());

        float[] values;
        int outRows;
        int outCols;
        try (NDManager scope = djl.newScope()) {
            NDArray x = scope.create(input.data(), new Shape(1, channels, input.height(), input.width())); // (1, C, H, W)
            if (rows.padBefore() + rows.padAfter() + cols.padBefore() + cols.padAfter() > 0) {
                // F.pad order: last axis first (left, right), then rows (top, bottom)
                x = x.pad(new Shape(cols.padBefore(), cols.padAfter(), rows.padBefore(), rows.padAfter()), 0);
            }
            boolean doubled = x.size() <= SMALL_INPUT;
            if (doubled) {
                x = x.concat(x, 0); // (2, C, H, W): see SMALL_INPUT
            }
            NDArray w = scope.create(weight, new Shape(outChannels, channels / groups, k, k)); // (out, C/groups, k, k)
            NDArray b = scope.create(bias, new Shape(outChannels));
            NDList out = Conv2d.conv2d(x, w, b,
                    new Shape(settings.stride(), settings.stride()), new Shape(0, 0),
                    new Shape(settings.dilation(), settings.dilation()), groups);
            NDArray g = out.singletonOrThrow(); // (1 or 2, outChannels, rows, cols)
            if (doubled) {
                g = g.get(0).expandDims(0);
            }
            values = g.toFloatArray();
            outRows = (int) g.getShape().get(2);
            outCols = (int) g.getShape().get(3);
        }
        int plane = outRows * outCols;
        List<FeatureMap> maps = new ArrayList<>(outChannels);
        for (int c = 0; c < outChannels; c++) {
            float[] map = new float[plane];
            System.arraycopy(values, c * plane, map, 0, plane);
            maps.add(new FeatureMap(oneMapPerChannel ? c : -1, outRows, outCols, map));
        }
        return new ConvolutionResult(maps, rows, cols, settings.parameterCount(image.channels()));
    }

    /** The kernels the computation uses, flipped for true convolution, one per (output, input) pair. */
    static List<Kernel> effectiveKernels(List<Kernel> kernels, ConvolutionSettings settings, int channels) {
        List<Kernel> used = new ArrayList<>(channels);
        for (int c = 0; c < channels; c++) {
            Kernel kernel = settings.channelMode() == ChannelMode.CONV_LAYER && kernels.size() > c ? kernels.get(c) : kernels.get(0);
            used.add(settings.flip() ? kernel.flipped() : kernel);
        }
        return used;
    }

    private static float[] weights(List<Kernel> kernels, ConvolutionSettings settings, int channels) {
        int kk = settings.kernelSize() * settings.kernelSize();
        List<Kernel> used = effectiveKernels(kernels, settings, channels);
        float[] weight = new float[channels * kk];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(used.get(c).weights(), 0, weight, c * kk, kk);
        }
        return weight;
    }

    /** A kernel and bias the playground would take (size, finite weights and bias within the limits), or the reason why not. */
    public void checkKernel(Kernel kernel, float bias) {
        checkSize(kernel.size());
        checkWeights(kernel);
        checkBias(bias);
    }

    private void checkSize(int k) {
        if (k < 1 || k > limits.maxKernelSize()) {
            throw new InvalidInputException("conv.error.kernelSize", 1, limits.maxKernelSize());
        }
    }

    private void checkWeights(Kernel kernel) {
        for (float w : kernel.weights()) {
            if (!Float.isFinite(w)) {
                throw new InvalidInputException("kernel.error.notFinite");
            }
            if (Math.abs(w) > limits.maxAbsWeight()) {
                throw new InvalidInputException("kernel.error.tooLarge", limits.maxAbsWeight());
            }
        }
    }

    private void checkBias(float bias) {
        if (!Float.isFinite(bias) || Math.abs(bias) > limits.maxAbsWeight()) {
            throw new InvalidInputException("conv.error.bias", limits.maxAbsWeight());
        }
    }

    /** Refuses, with a translated reason, anything the computation cannot or should not do. */
    public void validate(PixelImage image, List<Kernel> kernels, ConvolutionSettings s) {
        int k = s.kernelSize();
        checkSize(k);
        if (s.stride() < 1 || s.stride() > limits.maxStride()) {
            throw new InvalidInputException("conv.error.stride", 1, limits.maxStride());
        }
        if (s.dilation() < 1 || s.dilation() > limits.maxDilation()) {
            throw new InvalidInputException("conv.error.dilation", 1, limits.maxDilation());
        }
        if (s.padding().amount() < 0 || s.padding().amount() > limits.maxPadding()) {
            throw new InvalidInputException("conv.error.padding", 0, limits.maxPadding());
        }
        checkBias(s.bias());
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("no kernel");
        }
        for (Kernel kernel : kernels) {
            if (kernel.size() != k) {
                throw new IllegalArgumentException("kernel size " + kernel.size() + " != " + k);
            }
            checkWeights(kernel);
        }
        OutputSize rows = OutputSize.of(image.height(), k, s.padding(), s.stride(), s.dilation());
        OutputSize cols = OutputSize.of(image.width(), k, s.padding(), s.stride(), s.dilation());
        if (rows.size() < 1 || cols.size() < 1) {
            throw new InvalidInputException("conv.error.kernelTooLarge", rows.span(),
                    rows.paddedLength(), cols.paddedLength());
        }
    }
}
