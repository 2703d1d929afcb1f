package org.cnnlab.models;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bounds on saved models (application.properties, prefix {@code cnnlab.models}): file size and models per student. */
@ConfigurationProperties(prefix = "cnnlab.models")
public record ModelLimits(long maxFileBytes, int maxPerStudent) {

    public ModelLimits {
        if (maxFileBytes <= 0) maxFileBytes = 32L * 1024 * 1024;
        if (maxPerStudent <= 0) maxPerStudent = 20;
    }
}
