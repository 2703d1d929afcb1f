package org.cnnlab.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.ProceduralShapes;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.TrainingLimits;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/**
 * A real model file whose network ends in global average pooling keeps fitting its weights when
 * its input is relabelled 1,024×1,024, and a forward pass of 512 filters on that input is gigabytes.
 * The upload check prices it first and refuses it; 200 such refusals do not grow resident memory (at most 5 %).
 */
class UploadBombIT {

    @TempDir
    Path dataDir;

    @Test
    void a_model_relabelled_to_a_1024_pixel_input_is_refused_by_its_price_and_200_refusals_leave_memory_flat() throws Exception {
        NetworkFactory factory = new NetworkFactory(NetworkLimits.defaults());
        NetworkSpec small = NetworkSpec.of(TensorShape.image(1, 28, 28), LayerSpec.Conv2d.of(512, 3),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(5));
        TrainingService training = new TrainingService(TrainingLimits.defaults(), factory, NetworkLimits.defaults());
        StudentId student = StudentId.random();
        TrainedModel model;
        try {
            long job = training.submit(new TrainingRequest(student, small, ProceduralShapes.generate(20, false, 1), OptimizerSpec.adam(0.01),
                    20, 1, 0.2, 1)).jobId();
            CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
            training.watch(job, p -> {
                if (p.finished()) done.complete(p);
            });
            assertThat(done.get(120, TimeUnit.SECONDS).state()).isEqualTo(TrainingProgress.State.DONE);
            model = training.trained(student, job).orElseThrow();
        } finally {
            training.close();
        }
        ModelRunner runner = new ModelRunner(factory);
        ModelStore store = new ModelStore(dataDir, new ModelLimits(0, 0), runner, NetworkLimits.defaults());
        byte[] honest = ModelFile.write(new ModelFile.Contents("honest", Instant.now(), model));
        store.upload(student, honest);   // the file as saved is accepted

        NetworkSpec relabelled = new NetworkSpec(small.version(), TensorShape.image(1, 1024, 1024), small.layers());
        byte[] bomb = ModelFile.write(new ModelFile.Contents("bomb", Instant.now(),
                new TrainedModel(relabelled, model.classes(), model.parameters(), model.record())));
        assertThat(bomb.length).isLessThan(1_000_000);
        InvalidInputException refused = Assertions.assertThrows(InvalidInputException.class, () -> store.upload(student, bomb));
        assertThat(refused.messageKey()).isEqualTo("budget.error.requestMemory");
        assertThat((double) refused.args()[0]).as("MB the check would have needed").isGreaterThan(2_000);

        for (int i = 0; i < 200; i++) refuse(store, student, bomb);   // warm-up: the heap grows to its working size
        System.gc();
        long before = residentBytes();
        for (int i = 0; i < 200; i++) refuse(store, student, bomb);
        System.gc();
        long after = residentBytes();
        System.out.printf("[upload bomb] resident memory before 200 refusals %.1f MB, after %.1f MB (%+.1f %%)%n",
                before / 1e6, after / 1e6, 100.0 * (after - before) / before);
        // at most 5 % growth; it may shrink (in a suite, earlier tests' freed memory goes back to the system meanwhile)
        assertThat((double) after).as("resident bytes after 200 refusals").isLessThanOrEqualTo(before * 1.05);
        assertThat(store.list(student)).hasSize(1);
    }

    private static void refuse(ModelStore store, StudentId student, byte[] bomb) {
        try {
            store.upload(student, bomb);
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            assertThat(e.messageKey()).isEqualTo("budget.error.requestMemory");
        }
    }

    /** This process's resident set (VmRSS of /proc/self/status), in bytes. */
    static long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        throw new IllegalStateException("no VmRSS");
    }
}
