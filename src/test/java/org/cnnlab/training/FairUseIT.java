package org.cnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.dataset.ProceduralShapes;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * One student cannot keep the class's only training worker: a job's pauses share one budget, a
 * pause asked for after it is spent is refused, paused time counts toward the wall-time limit,
 * and a design whose activations at its batch would not fit the server is refused before it waits.
 */
class FairUseIT {

    private static final LabelledImages EASY = ProceduralShapes.generate(60, false, 1);
    private static final NetworkSpec SMALL = NetworkSpec.of(TensorShape.image(1, 28, 28), LayerSpec.Conv2d.of(4, 3),
            new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.Flatten(), new LayerSpec.Dense(5));

    private TrainingService service;

    @AfterEach
    void stop() {
        if (service != null) service.close();
    }

    /** Limits with the given wall time and pause budget, the rest default. */
    private TrainingService start(int maxWallSeconds, int maxPauseSeconds) {
        service = new TrainingService(new TrainingLimits(1, 2, 0, 0, 0, 0, maxWallSeconds, 0, maxPauseSeconds),
                new NetworkFactory(NetworkLimits.defaults()), NetworkLimits.defaults());
        return service;
    }

    private TrainingProgress until(long jobId, Predicate<TrainingProgress> condition) throws Exception {
        CompletableFuture<TrainingProgress> seen = new CompletableFuture<>();
        Runnable stop = service.watch(jobId, p -> {
            if (condition.test(p)) seen.complete(p);
        });
        try {
            return seen.get(120, TimeUnit.SECONDS);
        } finally {
            stop.run();
        }
    }

    @Test
    void pause_wait_for_the_auto_resume_pause_again_is_refused_once_the_budget_is_spent() throws Exception {
        start(900, 1);
        StudentId a = StudentId.random();
        long job = service.submit(new TrainingRequest(a, SMALL, EASY, OptimizerSpec.adam(0.01), 4, 50, 0.2, 1)).jobId();
        StudentId b = StudentId.random();
        long other = service.submit(new TrainingRequest(b, SMALL, EASY, OptimizerSpec.adam(0.01), 32, 1, 0.2, 2)).jobId();
        until(job, p -> p.step() >= 2);
        service.pause(a, job, true);
        until(job, p -> p.state() == TrainingProgress.State.PAUSED);
        TrainingProgress resumed = until(job, p -> p.state() == TrainingProgress.State.RUNNING && p.step() > 0);   // by itself, after 1 s
        assertThat(resumed.finished()).isFalse();
        assertThatThrownBy(() -> service.pause(a, job, true)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo("training.error.pauseSpent");
        assertThat(service.progress(job).state()).isEqualTo(TrainingProgress.State.RUNNING);
        service.cancel(a, job);
        assertThat(until(other, TrainingProgress::finished).state()).as("the next student's job runs").isEqualTo(TrainingProgress.State.DONE);
    }

    @Test
    void paused_time_counts_toward_the_wall_time_limit() throws Exception {
        start(2, 30);
        StudentId a = StudentId.random();
        long job = service.submit(new TrainingRequest(a, SMALL, EASY, OptimizerSpec.adam(0.01), 4, 50, 0.2, 1)).jobId();
        until(job, p -> p.step() >= 1);
        service.pause(a, job, true);
        until(job, p -> p.state() == TrainingProgress.State.PAUSED);
        long pausedAt = System.nanoTime();
        TrainingProgress ended = until(job, TrainingProgress::finished);   // the pause ends by itself at the wall time, not after 30 s
        assertThat(ended.state()).isEqualTo(TrainingProgress.State.FAILED);
        assertThat(ended.messageKey()).isEqualTo("training.error.wallTime");
        assertThat((System.nanoTime() - pausedAt) / 1e9).as("seconds the pause held the worker").isLessThan(20);
    }

    @Test
    void the_activation_bomb_at_batch_1024_is_refused_before_it_waits_and_the_batch_the_message_offers_runs() throws Exception {
        start(900, 120);
        NetworkSpec bomb = NetworkSpec.of(TensorShape.image(1, 28, 28), LayerSpec.Conv2d.of(4096, 3),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(5));
        LabelledImages many = ProceduralShapes.generate(240, false, 2);
        StudentId a = StudentId.random();
        InvalidInputException refused = Assertions.assertThrows(InvalidInputException.class,
                () -> service.submit(new TrainingRequest(a, bomb, many, OptimizerSpec.adam(0.01), 1024, 2, 0.0, 1)));
        assertThat(refused.messageKey()).isEqualTo("budget.error.trainingMemory");
        assertThat(service.queue()).isEmpty();
        int fits = (int) refused.args()[5];
        long id = service.submit(new TrainingRequest(a, bomb, many, OptimizerSpec.adam(0.01), fits, 1, 0.0, 1)).jobId();
        until(id, p -> p.step() >= 1);
        service.cancel(a, id);
    }
}
