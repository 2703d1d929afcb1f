package org.cnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.OwnClasses;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.models.ModelLimits;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.ModelStore;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class clicking "Entrenar" at once: one long MNIST job runs while 30 students' default MNIST jobs
 * (2,000 images per class, about 75 MB of floats each) wait. A waiting job is its description, so
 * the heap they take together is a few megabytes; when each held its images, 30 of them took over
 * 2 GB and a class server on a 2 GB heap ran out of memory.
 */
class QueueMemoryIT {

    private TrainingService training;

    @TempDir
    Path dataDir;

    @AfterEach
    void stop() {
        if (training != null) training.close();
    }

    @Test
    void thirty_waiting_mnist_jobs_cost_the_heap_almost_nothing_until_they_run() throws Exception {
        NetworkFactory factory = new NetworkFactory(NetworkLimits.defaults());
        training = new TrainingService(TrainingLimits.defaults(), factory, NetworkLimits.defaults());
        ModelRunner runner = new ModelRunner(factory);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        TrainingLab lab = new TrainingLab(new DatasetCatalog(), training, new NetworkDesignService(NetworkLimits.defaults(), 100), runner,
                decoder, new StudentModels(training, new ModelStore(dataDir, new ModelLimits(0, 0), runner, NetworkLimits.defaults()), runner, decoder),
                new OwnClasses(10, 100, 100, decoder));
        TrainingLab.Choice mnist = new TrainingLab.Choice("mnist", List.of(), 2_000, new TrainingLab.NetworkChoice.Starter(StarterNetworks.SMALL_CNN), OptimizerSpec.adam(0.001), 32, 50, 0.2, 1);

        long running = lab.start(StudentId.random(), mnist).jobId();
        CompletableFuture<Void> started = new CompletableFuture<>();
        Runnable unwatch = lab.watch(running, p -> {
            if (p.step() > 0) started.complete(null);   // its images are made and it trains
        });
        started.get(120, TimeUnit.SECONDS);
        unwatch.run();
        long before = usedHeapAfterGc();

        List<Long> waiting = new ArrayList<>();
        for (int i = 0; i < 30; i++) waiting.add(lab.start(StudentId.random(), mnist).jobId());
        long after = usedHeapAfterGc();

        for (long id : waiting) assertThat(training.progress(id).state()).isEqualTo(TrainingProgress.State.QUEUED);
        long perJob = (after - before) / 30;
        System.out.printf("[queue memory] 30 waiting MNIST jobs: %.2f MB of heap in all, %.1f KB each (one job's images: %.1f MB)%n",
                (after - before) / 1e6, perJob / 1e3, 2_000 * 10 * 1.25 * 784 * 4 / 1e6);
        assertThat(after - before).as("heap taken by 30 waiting jobs").isLessThan(30_000_000L);
        training.cancelAll();
    }

    private static long usedHeapAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
