package org.cnnlab.training;

import java.util.function.BooleanSupplier;

/** Where a queued job trains: on this JVM's DJL (the default), or on a worker node ({@link RemoteTraining}). */
@FunctionalInterface
public interface TrainingExecutor {
    TrainingRun.Outcome run(TrainingRequest request, long wallMillis, BooleanSupplier cancelled, TrainingRun.Listener listener);
}
