package org.cnnlab.convolution;

/** Everything but the kernel weights that decides a feature map. */
public record ConvolutionSettings(int kernelSize, Padding padding, int stride, int dilation,
                                  boolean flip, float bias, ChannelMode channelMode) {

    public static ConvolutionSettings defaults() {
        return new ConvolutionSettings(3, Padding.VALID, 1, 1, false, 0f, ChannelMode.GREY);
    }

    public ConvolutionSettings withChannelMode(ChannelMode mode) {
        return new ConvolutionSettings(kernelSize, padding, stride, dilation, flip, bias, mode);
    }

    /** Cross-correlation (as CNN layers compute) with this bias. */
    public ConvolutionSettings asLayer(float b) {
        return new ConvolutionSettings(kernelSize, padding, stride, dilation, false, b, channelMode);
    }

    public ConvolutionSettings withKernelSize(int k) {
        return new ConvolutionSettings(k, padding, stride, dilation, flip, bias, channelMode);
    }

    /** The input channels the kernel sees for an image with {@code imageChannels} channels. */
    public int inputChannels(int imageChannels) {
        return channelMode == ChannelMode.GREY ? 1 : imageChannels;
    }

    /** Parameters of one filter: k·k·C_in + 1 (EACH_CHANNEL shares one k·k kernel and bias). */
    public int parameterCount(int imageChannels) {
        int perChannel = kernelSize * kernelSize;
        return channelMode == ChannelMode.CONV_LAYER ? perChannel * inputChannels(imageChannels) + 1 : perChannel + 1;
    }
}
