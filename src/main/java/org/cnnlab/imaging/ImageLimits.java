package org.cnnlab.imaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on what a student may upload or draw (application.properties, prefix
 * {@code cnnlab.image}). Dimensions are read from the file's header and checked before any pixel
 * is decoded, so a decompression bomb costs nothing. Images larger than {@code workingSide} are
 * reduced (area averaging) so live convolution stays fast for a whole class.
 */
@ConfigurationProperties(prefix = "cnnlab.image")
public record ImageLimits(
        long maxUploadBytes,
        int maxSide,
        long maxPixels,
        int workingSide,
        int maxConcurrentDecodes) {

    public ImageLimits {
        if (maxUploadBytes <= 0) maxUploadBytes = 10L * 1024 * 1024;
        if (maxSide <= 0) maxSide = 4096;
        if (maxPixels <= 0) maxPixels = 16_000_000L;
        if (workingSide <= 0) workingSide = 512;
        if (maxConcurrentDecodes <= 0) maxConcurrentDecodes = 2;
    }

    public static ImageLimits defaults() {
        return new ImageLimits(0, 0, 0, 0, 0);
    }
}
