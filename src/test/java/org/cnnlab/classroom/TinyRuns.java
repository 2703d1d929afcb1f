package org.cnnlab.classroom;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.ProceduralShapes;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;

/** A real, tiny training run (a linear layer on 100 easy shapes, one epoch) for a student, awaited. */
public final class TinyRuns {
    private TinyRuns() {
    }

    /** The tiny run's request (to submit without waiting for it). */
    public static TrainingRequest request(StudentId student) {
        NetworkSpec net = NetworkSpec.of(TensorShape.image(1, 28, 28), new LayerSpec.Flatten(), new LayerSpec.Dense(5));
        return new TrainingRequest(student, net, ProceduralShapes.generate(20, false, 1), OptimizerSpec.adam(0.01), 16, 1, 0.2, 7);
    }

    public static TrainingProgress train(TrainingService training, StudentId student) throws Exception {
        TrainingProgress job = training.submit(request(student));
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        Runnable stop = training.watch(job.jobId(), p -> {
            if (p.finished()) done.complete(p);
        });
        try {
            return done.get(120, TimeUnit.SECONDS);
        } finally {
            stop.run();
        }
    }
}
