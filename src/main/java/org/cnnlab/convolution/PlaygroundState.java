package org.cnnlab.convolution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cnnlab.imaging.Colormap;

/**
 * One student's playground: the input, the kernels (one per colour channel; the first is "the"
 * kernel in GREY and EACH_CHANNEL modes), whether one kernel is replicated over the channels,
 * the settings and the colour map. Immutable: every edit makes a new state.
 */
public record PlaygroundState(PlaygroundInput input, List<Kernel> kernels, boolean replicate,
                              ConvolutionSettings settings, Colormap colormap) {

    public static final int KERNEL_SLOTS = 3;

    public PlaygroundState {
        kernels = List.copyOf(kernels);
    }

    public Kernel kernel(int channel) {
        return kernels.get(replicate ? 0 : channel);
    }

    /** The kernels the convolution receives: one, or one per channel for a conv layer. */
    public List<Kernel> kernelsForComputation() {
        if (settings.channelMode() != ChannelMode.CONV_LAYER) {
            return List.of(kernels.getFirst());
        }
        List<Kernel> used = new ArrayList<>();
        for (int c = 0; c < input.pixels().channels(); c++) {
            used.add(kernel(c));
        }
        return used;
    }

    public PlaygroundState withInput(PlaygroundInput newInput) {
        return new PlaygroundState(newInput, kernels, replicate, settings, colormap);
    }

    public PlaygroundState withKernel(int channel, Kernel kernel) {
        if (replicate) {
            return withAllKernels(kernel);
        }
        PlaygroundState sized = kernel.size() == settings.kernelSize() ? this : withKernelSize(kernel.size());
        List<Kernel> next = new ArrayList<>(sized.kernels);
        next.set(channel, kernel);
        return new PlaygroundState(input, next, false, sized.settings, colormap);
    }

    public PlaygroundState withAllKernels(Kernel kernel) {
        return new PlaygroundState(input, Collections.nCopies(KERNEL_SLOTS, kernel), replicate,
                settings.withKernelSize(kernel.size()), colormap);
    }

    public PlaygroundState withKernelSize(int size) {
        List<Kernel> next = kernels.stream().map(k -> k.resized(size)).toList();
        return new PlaygroundState(input, next, replicate, settings.withKernelSize(size), colormap);
    }

    public PlaygroundState withReplicate(boolean replicateOne) {
        List<Kernel> next = replicateOne ? Collections.nCopies(KERNEL_SLOTS, kernels.getFirst()) : kernels;
        return new PlaygroundState(input, next, replicateOne, settings, colormap);
    }

    public PlaygroundState withSettings(ConvolutionSettings newSettings) {
        PlaygroundState resized = newSettings.kernelSize() == settings.kernelSize() ? this : withKernelSize(newSettings.kernelSize());
        return new PlaygroundState(input, resized.kernels, replicate, newSettings, colormap);
    }

    public PlaygroundState withColormap(Colormap newColormap) {
        return new PlaygroundState(input, kernels, replicate, settings, newColormap);
    }
}
