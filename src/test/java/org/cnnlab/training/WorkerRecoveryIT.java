package org.cnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
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
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A job that fails in the middle of a gradient step, however it fails, leaves the one training
 * worker able to train the next job: real DJL training, the failure thrown from inside the
 * gradient collector block by a layer the test adds to the network.
 */
class WorkerRecoveryIT {
    private static final LabelledImages EASY = ProceduralShapes.generate(30, false, 1);
    private static final NetworkSpec NET = NetworkSpec.of(TensorShape.image(1, 28, 28), new LayerSpec.Flatten(), new LayerSpec.Dense(5));

    /** What the next network built does in its forward pass once it sees a training batch (more than the one image of initialisation). */
    private final AtomicReference<Function<NDList, NDList>> poison = new AtomicReference<>();
    private final NetworkFactory factory = new NetworkFactory(NetworkLimits.defaults()) {
        @Override
        public SequentialBlock build(NetworkSpec spec) {
            SequentialBlock block = super.build(spec);
            Function<NDList, NDList> p = poison.getAndSet(null);
            if (p != null) block.add(x -> x.singletonOrThrow().getShape().get(0) > 1 ? p.apply(x) : x);
            return block;
        }
    };
    private TrainingService service;

    @AfterEach
    void stop() {
        if (service != null) service.close();
    }

    private TrainingService start(int wallSeconds) {
        service = new TrainingService(new TrainingLimits(1, 1, 0, 0, 0, 0, wallSeconds, 0, 0), factory, NetworkLimits.defaults());
        return service;
    }

    private TrainingProgress train(StudentId student) throws Exception {
        long id = service.submit(new TrainingRequest(student, NET, EASY, OptimizerSpec.sgd(0.1), 16, 1, 0.2, 7)).jobId();
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        Runnable unwatch = service.watch(id, p -> {
            if (p.finished()) done.complete(p);
        });
        try {
            return done.get(60, TimeUnit.SECONDS);
        } finally {
            unwatch.run();
        }
    }

    private void a_failing_job_then_a_normal_one(Function<NDList, NDList> failure) throws Exception {
        start(0);
        poison.set(failure);
        TrainingProgress failed = train(StudentId.random());
        assertThat(failed.state()).isEqualTo(TrainingProgress.State.FAILED);
        assertThat(failed.messageKey()).isEqualTo("training.error.failed");
        TrainingProgress next = train(StudentId.random());
        assertThat(next.state()).as("the job after the failed one (%s)", next.messageKey()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(TrainingWorkerHealth.health(service.workerHealth(0)).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void after_an_out_of_memory_error_inside_the_gradient_collector_the_next_job_trains() throws Exception {
        a_failing_job_then_a_normal_one(x -> {
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        });
    }

    @Test
    void after_a_native_engine_exception_inside_the_gradient_collector_the_next_job_trains() throws Exception {
        a_failing_job_then_a_normal_one(x -> new NDList(x.singletonOrThrow().reshape(7, -1, 13)));   // PyTorch refuses this shape
    }

    @Test
    void after_another_error_inside_the_gradient_collector_the_next_job_trains() throws Exception {
        a_failing_job_then_a_normal_one(x -> {
            throw new StackOverflowError("thrown by the test");
        });
    }

    @Test
    void a_gradient_collector_a_failure_left_open_does_not_stop_the_next_job() throws Exception {
        start(0);
        // what a failure between a collector's opening and its close leaves: DJL's process-wide flag set
        try (GradientCollector leftOpen = Engine.getEngine("PyTorch").newGradientCollector()) {
            TrainingProgress next = train(StudentId.random());
            assertThat(next.state()).as("the next job (%s)", next.messageKey()).isEqualTo(TrainingProgress.State.DONE);
        }   // closed only now, so that the flag does not stay set for other tests should this one fail
    }

    @Test
    void the_health_is_down_while_a_job_is_stuck_past_its_wall_time_and_up_again_after() throws Exception {
        start(1);
        assertThat(TrainingWorkerHealth.health(service.workerHealth(0)).getStatus()).isEqualTo(Status.UP);
        CountDownLatch release = new CountDownLatch(1);
        poison.set(x -> {   // a batch that does not come back (as a hung native call would not)
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return x;
        });
        long id = service.submit(new TrainingRequest(StudentId.random(), NET, EASY, OptimizerSpec.sgd(0.1), 16, 1, 0.2, 7)).jobId();
        long deadline = System.currentTimeMillis() + 30_000;
        Health health;
        do {
            health = TrainingWorkerHealth.health(service.workerHealth(0));   // no grace: stuck once past 1 s
            if (health.getStatus().equals(Status.DOWN)) break;
            LockSupport.parkNanos(20_000_000);   // polls the condition
        } while (System.currentTimeMillis() < deadline);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("stuck").toString()).contains("job " + id, "limit 1 s");
        assertThat(TrainingWorkerHealth.health(service.workerHealth(60_000)).getStatus()).isEqualTo(Status.UP);   // within a minute's grace
        release.countDown();
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        Runnable unwatch = service.watch(id, p -> {
            if (p.finished()) done.complete(p);
        });
        assertThat(done.get(60, TimeUnit.SECONDS).messageKey()).isEqualTo("training.error.wallTime");
        unwatch.run();
        assertThat(TrainingWorkerHealth.health(service.workerHealth(0)).getStatus()).isEqualTo(Status.UP);
    }
}
