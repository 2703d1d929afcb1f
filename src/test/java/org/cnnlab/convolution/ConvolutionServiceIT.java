package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.cnnlab.imaging.PixelImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DJL (PyTorch, CPU) against the independent plain-Java loops of {@link ReferenceConvolution} on
 * random images, for every preset and every combination of padding, stride, dilation, flip, bias,
 * kernel size (odd and even) and channel mode.
 */
class ConvolutionServiceIT extends ConvolutionFixture {


    static PixelImage randomImage(Random random, int channels, int h, int w) {
        float[] data = new float[channels * h * w];
        for (int n = 0; n < data.length; n++) {
            data[n] = random.nextInt(256);
        }
        return new PixelImage(channels, h, w, data);
    }

    static Kernel randomKernel(Random random, int k) {
        float[] w = new float[k * k];
        for (int n = 0; n < w.length; n++) {
            w[n] = (float) (random.nextGaussian() * 3);
        }
        return new Kernel(k, w);
    }

    /** What the reference says the maps are; padding resolved from the formula, not from OutputSize. */
    static List<double[]> expected(PixelImage image, List<Kernel> kernels, ConvolutionSettings s, int outH, int outW,
                                   int padTop, int padLeft) {
        PixelImage input = s.channelMode() == ChannelMode.GREY ? greyByHand(image) : image;
        int k = s.kernelSize();
        List<double[]> maps = new ArrayList<>();
        if (s.channelMode() == ChannelMode.CONV_LAYER) {
            List<float[]> planes = new ArrayList<>();
            List<float[]> weights = new ArrayList<>();
            for (int c = 0; c < input.channels(); c++) {
                planes.add(input.plane(c));
                float[] f = kernels.get(Math.min(c, kernels.size() - 1)).weights();
                weights.add(s.flip() ? ReferenceConvolution.flip(f, k) : f);
            }
            maps.add(ReferenceConvolution.map(planes, input.height(), input.width(), weights, k, padTop, padLeft,
                    outH, outW, s.stride(), s.dilation(), s.bias()));
        } else {
            float[] f = kernels.getFirst().weights();
            float[] used = s.flip() ? ReferenceConvolution.flip(f, k) : f;
            for (int c = 0; c < input.channels(); c++) {
                maps.add(ReferenceConvolution.map(List.of(input.plane(c)), input.height(), input.width(), List.of(used), k,
                        padTop, padLeft, outH, outW, s.stride(), s.dilation(), s.bias()));
            }
        }
        return maps;
    }

    /** ITU-R BT.601 luma, written out here rather than borrowed from PixelImage. */
    static PixelImage greyByHand(PixelImage rgb) {
        if (rgb.channels() == 1) {
            return rgb;
        }
        int n = rgb.height() * rgb.width();
        float[] grey = new float[n];
        for (int p = 0; p < n; p++) {
            grey[p] = 0.299f * rgb.data()[p] + 0.587f * rgb.data()[n + p] + 0.114f * rgb.data()[2 * n + p];
        }
        return PixelImage.grey(rgb.height(), rgb.width(), grey);
    }

    static Stream<Arguments> combinations() {
        List<Arguments> all = new ArrayList<>();
        Padding[] paddings = {Padding.VALID, Padding.SAME, Padding.explicit(1), Padding.explicit(3)};
        for (int k : new int[] {1, 2, 3, 4, 5}) {
            for (Padding p : paddings) {
                for (int stride : new int[] {1, 2, 3}) {
                    for (int dilation : new int[] {1, 2}) {
                        for (ChannelMode mode : ChannelMode.values()) {
                            boolean flip = (k + stride + dilation) % 2 == 0;
                            float bias = stride == 2 ? -7.5f : 0f;
                            all.add(Arguments.of(new ConvolutionSettings(k, p, stride, dilation, flip, bias, mode)));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("combinations")
    void djl_matches_the_reference_for_every_option(ConvolutionSettings s) {
        Random random = new Random(s.toString().hashCode()); // records print enum names: the same cases every run
        PixelImage image = randomImage(random, 3, 13 + random.nextInt(6), 11 + random.nextInt(9));
        List<Kernel> kernels = List.of(randomKernel(random, s.kernelSize()), randomKernel(random, s.kernelSize()),
                randomKernel(random, s.kernelSize()));
        compare(image, s.channelMode() == ChannelMode.CONV_LAYER ? kernels : List.of(kernels.getFirst()), s);
    }

    @ParameterizedTest
    @EnumSource(KernelPreset.class)
    void djl_matches_the_reference_for_every_preset(KernelPreset preset) {
        Random random = new Random(preset.ordinal());
        for (int k : preset.scales() ? new int[] {1, 3, 4, 7, 15} : new int[] {3}) {
            PixelImage image = randomImage(random, 3, 40, 33);
            for (ChannelMode mode : ChannelMode.values()) {
                ConvolutionSettings s = new ConvolutionSettings(k, Padding.SAME, 1, 1, false, 0, mode);
                compare(image, List.of(preset.kernel(k)), s);
            }
        }
    }

    @Test
    void a_grey_image_in_each_channel_mode_gives_one_map() {
        Random random = new Random(1);
        PixelImage grey = randomImage(random, 1, 20, 20);
        ConvolutionSettings s = new ConvolutionSettings(3, Padding.VALID, 1, 1, false, 0, ChannelMode.EACH_CHANNEL);
        assertThat(convolution.apply(grey, List.of(randomKernel(random, 3)), s).maps()).hasSize(1);
    }

    private static void compare(PixelImage image, List<Kernel> kernels, ConvolutionSettings s) {
        ConvolutionResult result = convolution.apply(image, kernels, s);
        int k = s.kernelSize();
        int span = s.dilation() * (k - 1) + 1;
        int[] rowPad = padding(s.padding(), image.height(), span, s.stride());
        int[] colPad = padding(s.padding(), image.width(), span, s.stride());
        int outH = (image.height() + rowPad[0] + rowPad[1] - span) / s.stride() + 1;
        int outW = (image.width() + colPad[0] + colPad[1] - span) / s.stride() + 1;
        assertThat(result.rows().size()).as("rows by formula").isEqualTo(outH);
        assertThat(result.cols().size()).as("cols by formula").isEqualTo(outW);
        List<double[]> expected = expected(image, kernels, s, outH, outW, rowPad[0], colPad[0]);
        assertThat(result.maps()).hasSize(expected.size());
        for (int m = 0; m < expected.size(); m++) {
            FeatureMap map = result.maps().get(m);
            assertThat(map.height()).isEqualTo(outH);
            assertThat(map.width()).isEqualTo(outW);
            double[] want = expected.get(m);
            for (int n = 0; n < want.length; n++) {
                double tolerance = 1e-4 * Math.max(1, Math.abs(want[n])) + 2e-2;
                assertThat((double) map.values()[n]).as("%s map %d value %d", s, m, n)
                        .isCloseTo(want[n], Assertions.within(tolerance));
            }
        }
    }

    /** Zeros before/after: valid none, explicit p each side, same ⌈n/s⌉ outputs with the odd zero after. */
    private static int[] padding(Padding p, int n, int span, int stride) {
        return switch (p.mode()) {
            case VALID -> new int[] {0, 0};
            case EXPLICIT -> new int[] {p.amount(), p.amount()};
            case SAME -> {
                int out = (n + stride - 1) / stride;
                int total = Math.max(0, (out - 1) * stride + span - n);
                yield new int[] {total / 2, total - total / 2};
            }
        };
    }
}
