package org.cnnlab.convolution;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bounds on kernels and settings (application.properties, prefix {@code cnnlab.convolution}). */
@ConfigurationProperties(prefix = "cnnlab.convolution")
public record ConvolutionLimits(int maxKernelSize, double maxAbsWeight, int maxStride, int maxDilation,
                                int maxPadding) {

    public ConvolutionLimits {
        if (maxKernelSize <= 0) maxKernelSize = 15;
        if (maxAbsWeight <= 0) maxAbsWeight = 1e6;
        if (maxStride <= 0) maxStride = 16;
        if (maxDilation <= 0) maxDilation = 16;
        if (maxPadding <= 0) maxPadding = 64;
    }

    public static ConvolutionLimits defaults() {
        return new ConvolutionLimits(0, 0, 0, 0, 0);
    }
}
