package org.cnnlab.training;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on training (application.properties, prefix {@code cnnlab.training}). One job trains at a
 * time per JVM ({@code workers} is at most 1): PyTorch already spreads a job's batches over every
 * core, and DJL's PyTorch gradient collector is process-wide, so two concurrent jobs would collide.
 * More training capacity means more worker processes (the scale-out profile), not more threads.
 */
@ConfigurationProperties(prefix = "cnnlab.training")
public record TrainingLimits(int workers, int maxQueuedPerStudent, int maxEpochs, int maxBatch, int maxSamples,
                             long maxParameters, int maxWallSeconds, double maxLearningRate, int maxPauseSeconds) {

    public TrainingLimits {
        workers = 1;
        if (maxQueuedPerStudent <= 0) maxQueuedPerStudent = 1;
        if (maxEpochs <= 0) maxEpochs = 50;
        if (maxBatch <= 0) maxBatch = 1024;
        if (maxSamples <= 0) maxSamples = 70_000;
        if (maxParameters <= 0) maxParameters = 5_000_000;
        if (maxWallSeconds <= 0) maxWallSeconds = 900;
        if (maxLearningRate <= 0) maxLearningRate = 1e9;
        if (maxPauseSeconds <= 0) maxPauseSeconds = 120;
    }

    /**
     * The instructor's limits for a class: each between 1 and this (configured) value, jobs per
     * student up to 5 even when fewer are configured; batch, learning rate and pause stay configured.
     */
    public TrainingLimits within(int queuedPerStudent, int epochs, int samples, long parameters, int wallSeconds) {
        return new TrainingLimits(workers, clamp(queuedPerStudent, Math.max(5, maxQueuedPerStudent)), clamp(epochs, maxEpochs), maxBatch,
                clamp(samples, maxSamples), Math.max(1, Math.min(parameters, maxParameters)), clamp(wallSeconds, maxWallSeconds),
                maxLearningRate, maxPauseSeconds);
    }

    private static int clamp(int value, int max) {
        return Math.max(1, Math.min(value, max));
    }

    public static TrainingLimits defaults() {
        return new TrainingLimits(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
