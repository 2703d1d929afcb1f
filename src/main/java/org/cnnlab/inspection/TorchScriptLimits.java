package org.cnnlab.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on TorchScript models (application.properties, prefix {@code cnnlab.torchscript}): file
 * size, files a student may upload, the largest input side a model may ask for, and whether
 * students may upload at all. Off by default: a TorchScript file is code that runs inside the
 * server, so only files an instructor put in the shared folder are trusted until the class server
 * gives instructors a login.
 */
@ConfigurationProperties(prefix = "cnnlab.torchscript")
public record TorchScriptLimits(long maxFileBytes, int maxPerStudent, int maxInputSide, boolean studentUploads) {

    public TorchScriptLimits {
        if (maxFileBytes <= 0) maxFileBytes = 200L * 1024 * 1024;
        if (maxPerStudent <= 0) maxPerStudent = 2;
        if (maxInputSide <= 0) maxInputSide = 512;
    }

    public static TorchScriptLimits defaults() {
        return new TorchScriptLimits(0, 0, 0, false);
    }
}
