package org.cnnlab.network;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on what a student may design (application.properties, prefix {@code cnnlab.network}).
 * Counting is cheap for any size within them (VGG-16 included); building a trainable model is
 * refused above {@code maxTrainableToBuild} parameters unless the instructor raises it.
 */
@ConfigurationProperties(prefix = "cnnlab.network")
public record NetworkLimits(int maxLayers, int maxWidth, int maxKernel, int maxInputSide, long maxTrainableToBuild,
                            int maxImportBytes) {

    public NetworkLimits {
        if (maxLayers <= 0) maxLayers = 64;
        if (maxWidth <= 0) maxWidth = 4096;
        if (maxKernel <= 0) maxKernel = 31;
        if (maxInputSide <= 0) maxInputSide = 1024;
        if (maxTrainableToBuild <= 0) maxTrainableToBuild = 5_000_000;
        if (maxImportBytes <= 0) maxImportBytes = 256 * 1024;
    }

    public static NetworkLimits defaults() {
        return new NetworkLimits(0, 0, 0, 0, 0, 0);
    }
}
