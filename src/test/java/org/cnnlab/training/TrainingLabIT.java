package org.cnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.assertj.core.data.Offset;
import org.cnnlab.Drawings;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.OwnClasses;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.models.ModelLimits;
import org.cnnlab.models.ModelRef;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.ModelStore;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Train on the easy shapes, then ask the model about drawings made the way the canvas makes them. */
class TrainingLabIT {

    private static TrainingService training;
    private static TrainingLab lab;
    private static final StudentId STUDENT = StudentId.random();
    private static long jobId;
    private static TrainingProgress finished;
    private static ModelStore store;
    private static StudentModels models;
    @TempDir
    static Path dataDir;

    @BeforeAll
    static void train() throws Exception {
        NetworkFactory factory = new NetworkFactory(NetworkLimits.defaults());
        training = new TrainingService(TrainingLimits.defaults(), factory, NetworkLimits.defaults());
        ModelRunner runner = new ModelRunner(factory);
        store = new ModelStore(dataDir, new ModelLimits(2_000_000, 5), runner, NetworkLimits.defaults());
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        models = new StudentModels(training, store, runner, decoder);
        lab = new TrainingLab(new DatasetCatalog(), training, new NetworkDesignService(NetworkLimits.defaults(), 10),
                runner, decoder, models, new OwnClasses(10, 100, 100, decoder));
        jobId = lab.start(STUDENT, new TrainingLab.Choice("shapes-easy", List.of(), 100, new TrainingLab.NetworkChoice.Starter(StarterNetworks.SMALL_CNN), OptimizerSpec.adam(0.01), 32, 4, 0.2, 9)).jobId();
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        lab.watch(jobId, p -> {
            if (p.finished()) done.complete(p);
        });
        finished = done.get(120, TimeUnit.SECONDS);
        assertThat(finished.state()).isEqualTo(TrainingProgress.State.DONE);
    }

    @AfterAll
    static void stop() {
        training.close();
    }

    private static byte[] drawing(Consumer<Graphics2D> ink) throws Exception {
        return Drawings.pad(ink);
    }

    @Test
    void a_drawn_square_and_a_drawn_cross_are_recognised() throws Exception {
        List<StudentModels.Guess> square = models.predict(STUDENT, ModelRef.job(jobId), drawing(g -> g.fillRect(42, 42, 108, 108)));
        assertThat(square.getFirst().className()).isEqualTo("square");
        List<StudentModels.Guess> cross = models.predict(STUDENT, ModelRef.job(jobId), drawing(g -> {
            g.drawLine(42, 42, 150, 150);
            g.drawLine(42, 150, 150, 42);
        }));
        assertThat(cross.getFirst().className()).isEqualTo("cross");
        assertThat(cross.stream().mapToDouble(StudentModels.Guess::probability).sum()).isCloseTo(1.0, Assertions.within(1e-4));
    }

    /**
     * The gallery entry is scored on the leaderboard's own images: the model's confusion matrix is
     * on its run's test images, but the leaderboard's accuracy is counted here again, independently,
     * on the fixed set, and must agree; another student cannot share this run.
     */
    @Test
    void a_shared_run_is_scored_on_the_leaderboards_fixed_images() {
        ClassRoom.Submission s = lab.submission(STUDENT, jobId);
        assertThat(s.kind()).isEqualTo(ClassRoom.Submission.Kind.MODEL);
        assertThat(s.title()).startsWith("shapes-easy · ");
        var board = new DatasetCatalog().test("shapes-easy", List.of(), TrainingLab.LEADERBOARD_PER_CLASS, TrainingLab.LEADERBOARD_SEED).orElseThrow();
        TrainedModel model = training.trained(STUDENT, jobId).orElseThrow();
        int right = 0;
        for (int i = 0; i < board.size(); i++) {
            float[] image = Arrays.copyOfRange(board.pixels(), i * 28 * 28, (i + 1) * 28 * 28);
            double[] p = new ModelRunner(new NetworkFactory(NetworkLimits.defaults())).probabilities(model, image);
            int best = 0;
            for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
            if (best == board.labels()[i]) right++;
        }
        assertThat(board.size()).isEqualTo(5 * TrainingLab.LEADERBOARD_PER_CLASS);
        assertThat(s.accuracy()).isCloseTo((double) right / board.size(), Offset.offset(1e-9)).isGreaterThan(0.6);
        assertThat(s.png()).isNotEmpty();
        assertThatThrownBy(() -> lab.submission(StudentId.random(), jobId)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void another_student_cannot_use_this_model() {
        Assertions.assertThatThrownBy(() -> models.predict(StudentId.random(), ModelRef.job(jobId), new byte[] {1}))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("training.error.noModel");
    }

    @Test
    void the_final_numbers_are_on_fresh_test_images_a_quarter_as_many_per_class() {
        assertThat(finished.onTestSet()).isTrue();
        int total = 0;
        for (int[] row : finished.confusion()) for (int v : row) total += v;
        assertThat(total).isEqualTo(5 * 25);   // 100 per class trained on, 25 per class tested
        assertThat(finished.accuracyByShift()).hasSize(9);
        assertThat(finished.accuracyByShift().getFirst()).isEqualTo(finished.heldOutAccuracy());
    }

    @Test
    void a_student_draws_two_classes_trains_on_them_and_a_new_drawing_is_recognised() throws Exception {
        StudentId me = StudentId.random();
        lab.addOwnClass(me, "sol");
        lab.addOwnClass(me, "raya");
        for (int i = 0; i < 3; i++) {
            int r = 30 + 10 * i;
            lab.addOwnExample(me, "sol", drawing(g -> g.fillOval(96 - r, 96 - r, 2 * r, 2 * r)));
            int x = 60 + 30 * i;
            lab.addOwnExample(me, "raya", drawing(g -> g.drawLine(x, 30 + 10 * x / 30, x, 172)));
        }
        assertThat(lab.ownClasses(me)).extracting(TrainingLab.OwnClassSummary::examples).containsExactly(3, 3);
        TrainingLab.Choice choice = new TrainingLab.Choice(OwnClasses.ID, List.of(), 40, new TrainingLab.NetworkChoice.Starter(StarterNetworks.SMALL_CNN), OptimizerSpec.adam(0.01), 16, 5, 0.2, 3);
        assertThat(lab.preview(me, choice).counts()).containsExactly(40, 40);
        long job = lab.start(me, choice).jobId();
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        lab.watch(job, p -> {
            if (p.finished()) done.complete(p);
        });
        assertThat(done.get(120, TimeUnit.SECONDS).state()).isEqualTo(TrainingProgress.State.DONE);
        assertThat(models.predict(me, ModelRef.job(job), drawing(g -> g.fillOval(56, 56, 80, 80))).getFirst().className()).isEqualTo("sol");
        assertThat(models.predict(me, ModelRef.job(job), drawing(g -> g.drawLine(105, 40, 105, 160))).getFirst().className())
                .as("a stroke where none was drawn").isEqualTo("raya");
    }

    @Test
    void one_click_trains_an_mlp_a_flatten_cnn_and_a_gap_cnn_on_the_same_data() throws Exception {
        StudentId me = StudentId.random();
        TrainingProgress first = lab.compare(me, new TrainingLab.Choice("shapes-easy", List.of("circle", "cross"), 20, new TrainingLab.NetworkChoice.Starter(StarterNetworks.SMALL_CNN),
                OptimizerSpec.adam(0.01), 8, 1, 0.25, 4));
        List<TrainingProgress> runs = new ArrayList<>();
        long next = first.jobId();
        while (next >= 0) {
            CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
            lab.watch(next, p -> {
                if (p.finished()) done.complete(p);
            });
            TrainingProgress p = done.get(120, TimeUnit.SECONDS);
            runs.add(p);
            next = p.nextJobId();
        }
        assertThat(runs).extracting(TrainingProgress::name).containsExactly("MLP", "SMALL_CNN", "GAP_CNN");
        assertThat(runs).extracting(TrainingProgress::state).containsOnly(TrainingProgress.State.DONE);
        assertThat(lab.finished(me)).extracting(TrainingProgress::jobId).containsExactlyElementsOf(runs.stream().map(TrainingProgress::jobId).toList());
        // 784·128 + 128 + 128·2 + 2 for the MLP; far fewer for the global-pooling CNN
        assertThat(runs.get(0).parameters()).isEqualTo(784L * 128 + 128 + 128 * 2 + 2);
        assertThat(runs.get(2).parameters()).isLessThan(runs.get(1).parameters()).isLessThan(runs.get(0).parameters());
    }

    @Test
    void a_saved_model_downloads_as_one_file_and_uploads_back_predicting_the_same() throws Exception {
        StudentId other = StudentId.random();
        ModelStore.Saved saved = models.save(STUDENT, jobId, "  mis formas  ");
        assertThat(saved.name()).isEqualTo("mis formas");
        assertThat(saved.record().dataset()).isEqualTo("shapes-easy");
        assertThat(saved.record().curves()).hasSize(4);
        assertThat(saved.record().heldOutAccuracy()).isEqualTo(finished.heldOutAccuracy());
        assertThat(models.downloadName(STUDENT, saved.id())).isEqualTo("mis-formas.cnnlab");
        byte[] file = models.download(STUDENT, saved.id());

        ModelStore.Saved back = models.upload(other, file);
        assertThat(back.classes()).isEqualTo(saved.classes()).hasSize(5);
        assertThat(back.trainable()).isEqualTo(finished.parameters());
        byte[] square = drawing(g -> g.fillRect(42, 42, 108, 108));
        List<StudentModels.Guess> fromRun = models.predict(STUDENT, ModelRef.job(jobId), square);
        List<StudentModels.Guess> fromUpload = models.predict(other, ModelRef.saved(back.id()), square);
        assertThat(fromUpload).isEqualTo(fromRun);
        // the other student's copy is theirs alone
        assertThatThrownBy(() -> models.download(STUDENT, back.id())).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("models.error.unknown");
        store.forget(other);
        assertThat(models.saved(other)).isEmpty();
        try (var files = Files.walk(dataDir)) {
            assertThat(files.filter(f -> f.toString().endsWith(back.id() + ".cnnlab"))).isEmpty();
        }
    }

    @Test
    void uploads_that_are_corrupt_not_ours_too_big_or_do_not_fit_their_network_are_refused() throws Exception {
        StudentId other = StudentId.random();
        byte[] file = models.download(STUDENT, models.save(STUDENT, jobId, "x").id());
        assertThatThrownBy(() -> models.upload(other, new byte[] {1, 2, 3})).hasMessageStartingWith("models.error.notOurs");
        assertThatThrownBy(() -> models.upload(other, drawing(g -> { }))).hasMessageStartingWith("models.error.notOurs");
        assertThatThrownBy(() -> models.upload(other, Arrays.copyOf(file, file.length / 2))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> models.upload(other, new byte[2_000_001])).hasMessageStartingWith("models.error.tooLarge");
        // the parameters of a 5-class model under a network that ends in 3 classes
        byte[] tampered = rewrite(file, "network.json", json -> json.replace("\"units\" : 5", "\"units\" : 3"));
        assertThatThrownBy(() -> models.upload(other, tampered)).hasMessageStartingWith("models.error.parameters");
        byte[] future = rewrite(file, "model.json", json -> json.replace("\"version\" : 1", "\"version\" : 7"));
        assertThatThrownBy(() -> models.upload(other, future)).hasMessageStartingWith("models.error.version");
        assertThat(models.saved(other)).isEmpty();
    }

    @Test
    void a_student_can_keep_only_so_many_models() {
        StudentId other = StudentId.random();
        byte[] file = models.download(STUDENT, models.save(STUDENT, jobId, "y").id());
        for (int i = 0; i < 5; i++) models.upload(other, file);
        assertThatThrownBy(() -> models.upload(other, file)).hasMessageStartingWith("models.error.tooMany");
    }

    private static byte[] rewrite(byte[] zip, String entry, UnaryOperator<String> change) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    String before = new String(data, StandardCharsets.UTF_8);
                    String after = change.apply(before);
                    assertThat(after).as("the test's edit applies").isNotEqualTo(before);
                    data = after.getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
