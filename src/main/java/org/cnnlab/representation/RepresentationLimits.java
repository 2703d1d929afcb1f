package org.cnnlab.representation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Bounds on the representation lesson (prefix {@code cnnlab.representation}): points per set (larger requests are clamped, and the page says so). */
@ConfigurationProperties(prefix = "cnnlab.representation")
public record RepresentationLimits(int maxPoints) {

    public RepresentationLimits {
        if (maxPoints <= 0) maxPoints = 2_000;
    }

    public static RepresentationLimits defaults() {
        return new RepresentationLimits(0);
    }
}
