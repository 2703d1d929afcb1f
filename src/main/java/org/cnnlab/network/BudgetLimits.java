package org.cnnlab.network;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What one request may cost on this server (application.properties, prefix {@code cnnlab.budget}),
 * sized for a 2-core, 24 GB class server of 100 students: one training job runs at a time, so it
 * may take {@code trainingMemoryBytes} of native memory; inspection, saliency, predictions and
 * upload checks run for many students at once, so each gets {@code requestMemoryBytes} and
 * {@code requestSeconds}. {@code macsPerSecond} is this machine's multiply-accumulate rate for a
 * network's convolutions and products, which turns a price in MACs into seconds (the training
 * benchmark prints the measured rate next to this one).
 */
@ConfigurationProperties(prefix = "cnnlab.budget")
public record BudgetLimits(long trainingMemoryBytes, long requestMemoryBytes, double requestSeconds, double macsPerSecond) {

    public BudgetLimits {
        if (trainingMemoryBytes <= 0) trainingMemoryBytes = 4L << 30;
        if (requestMemoryBytes <= 0) requestMemoryBytes = 512L << 20;
        if (requestSeconds <= 0) requestSeconds = 20;
        if (macsPerSecond <= 0) macsPerSecond = 2e10;
    }

    public static BudgetLimits defaults() {
        return new BudgetLimits(0, 0, 0, 0);
    }
}
