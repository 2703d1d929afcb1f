package org.cnnlab.training.remote;

import org.jobrunr.jobs.lambdas.JobRequest;

/** The JobRunr job an app node enqueues for a worker node: train the {@code training_task} row with this id. */
public record TrainTask(long taskId) implements JobRequest {
    @Override
    public Class<TrainingWorker> getJobRequestHandler() {
        return TrainingWorker.class;
    }
}
