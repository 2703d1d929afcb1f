package org.cnnlab.models;

import java.io.Serializable;

/** One point of the learning curves: mean loss and accuracy on the training and validation data. */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double seconds) implements Serializable {
}
