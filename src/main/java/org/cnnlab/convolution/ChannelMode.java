package org.cnnlab.convolution;

/**
 * What a k×k kernel does with a colour image. GREY converts to luminance first (one map);
 * EACH_CHANNEL slides the same kernel over R, G and B separately (three maps); CONV_LAYER does
 * what a CNN's conv layer does: one k×k kernel per input channel, the C products summed with the
 * bias into one map, so one filter has k·k·C_in + 1 parameters.
 */
public enum ChannelMode {
    GREY, EACH_CHANNEL, CONV_LAYER
}
