package org.cnnlab.training;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} (component {@code training}) is DOWN when this server cannot train:
 * a training worker loop has ended while the server runs, or a job is more than {@link #GRACE_MILLIS}
 * past its wall-time limit (it checks its limit before every batch, so such a job is stuck and holds
 * the worker). A supervisor or load balancer that watches the health then restarts or drops the node.
 */
@Component("trainingHealthIndicator")   // health component "training" (the bean "trainingWorker" is the worker node's TrainingWorker)
class TrainingWorkerHealth implements HealthIndicator {
    static final long GRACE_MILLIS = 120_000;

    private final TrainingService training;

    TrainingWorkerHealth(TrainingService training) {
        this.training = training;
    }

    @Override
    public Health health() {
        return health(training.workerHealth(GRACE_MILLIS));
    }

    static Health health(TrainingWorkers.Health h) {
        Health.Builder b = h.alive() < h.workers() || !h.overdue().isEmpty() ? Health.down() : Health.up();
        b.withDetail("workers", h.workers()).withDetail("alive", h.alive());
        if (!h.overdue().isEmpty()) {
            b.withDetail("stuck", h.overdue().stream()
                    .map(o -> "job " + o.jobId() + ": running " + o.runningSeconds() + " s, limit " + o.wallSeconds() + " s").toList());
        }
        return b.build();
    }
}
