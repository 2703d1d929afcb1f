package org.cnnlab.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on saliency requests (application.properties, prefix {@code cnnlab.saliency}): SmoothGrad
 * samples, Integrated-Gradients steps, LIME samples and segments, and two budgets per request:
 * forward plus backward passes, and passes times input values (so a 224×224 colour model gets
 * about 130 passes where a 28×28 digit model gets the full pass budget), and the wall-clock seconds
 * a computation may run before it is stopped.
 */
@ConfigurationProperties(prefix = "cnnlab.saliency")
public record SaliencyLimits(int maxSmoothgradSamples, int maxIgSteps, int maxLimeSamples, int maxPasses, int maxLimeSegments,
                             long maxPassValues, int maxSeconds) {

    public SaliencyLimits {
        if (maxLimeSegments <= 0) maxLimeSegments = 1_000;
        if (maxPassValues <= 0) maxPassValues = 20_000_000L;
        if (maxSmoothgradSamples <= 0) maxSmoothgradSamples = 100;
        if (maxIgSteps <= 0) maxIgSteps = 200;
        if (maxLimeSamples <= 0) maxLimeSamples = 2_000;
        if (maxPasses <= 0) maxPasses = 5_000;
        if (maxSeconds <= 0) maxSeconds = 60;
    }

    public static SaliencyLimits defaults() {
        return new SaliencyLimits(0, 0, 0, 0, 0, 0, 0);
    }
}
