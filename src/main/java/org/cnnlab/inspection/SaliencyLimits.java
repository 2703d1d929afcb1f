package org.cnnlab.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on saliency requests (application.properties, prefix {@code cnnlab.saliency}): SmoothGrad
 * samples, Integrated-Gradients steps, LIME samples, and a budget of forward plus backward passes
 * per request.
 */
@ConfigurationProperties(prefix = "cnnlab.saliency")
public record SaliencyLimits(int maxSmoothgradSamples, int maxIgSteps, int maxLimeSamples, int maxPasses) {

    public SaliencyLimits {
        if (maxSmoothgradSamples <= 0) maxSmoothgradSamples = 100;
        if (maxIgSteps <= 0) maxIgSteps = 200;
        if (maxLimeSamples <= 0) maxLimeSamples = 2_000;
        if (maxPasses <= 0) maxPasses = 5_000;
    }

    public static SaliencyLimits defaults() {
        return new SaliencyLimits(0, 0, 0, 0);
    }
}
