package org.cnnlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Train on the easy shapes, then ask the model about drawings made the way the canvas makes them. */
class TrainingLabIT {

    private static TrainingService training;
    private static TrainingLab lab;
    private static final StudentId STUDENT = StudentId.random();
    private static long jobId;

    @BeforeAll
    static void train() throws Exception {
        NetworkFactory factory = new NetworkFactory(NetworkLimits.defaults());
        training = new TrainingService(TrainingLimits.defaults(), factory, NetworkLimits.defaults());
        lab = new TrainingLab(new DatasetCatalog(), training, new NetworkDesignService(NetworkLimits.defaults(), 10),
                new ModelRunner(factory), new ImageDecoder(ImageLimits.defaults()));
        jobId = lab.start(STUDENT, new TrainingLab.Choice("shapes-easy", 100, "SMALL_CNN", OptimizerSpec.adam(0.01), 32, 4, 0.2, 9)).jobId();
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        lab.watch(jobId, p -> {
            if (p.finished()) done.complete(p);
        });
        assertThat(done.get(120, TimeUnit.SECONDS).state()).isEqualTo(TrainingProgress.State.DONE);
    }

    @AfterAll
    static void stop() {
        training.close();
    }

    /** Dark ink on a white 192×192 canvas, like the drawing element. */
    private static byte[] drawing(java.util.function.Consumer<Graphics2D> ink) throws Exception {
        BufferedImage img = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 192, 192);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(16));
        ink.accept(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void a_drawn_square_and_a_drawn_cross_are_recognised() throws Exception {
        List<TrainingLab.Guess> square = lab.predict(STUDENT, jobId, drawing(g -> g.fillRect(42, 42, 108, 108)));
        assertThat(square.getFirst().className()).isEqualTo("square");
        List<TrainingLab.Guess> cross = lab.predict(STUDENT, jobId, drawing(g -> {
            g.drawLine(42, 42, 150, 150);
            g.drawLine(42, 150, 150, 42);
        }));
        assertThat(cross.getFirst().className()).isEqualTo("cross");
        assertThat(cross.stream().mapToDouble(TrainingLab.Guess::probability).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void another_student_cannot_use_this_model() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> lab.predict(StudentId.random(), jobId, new byte[] {1}))
                .isInstanceOf(org.cnnlab.base.InvalidInputException.class).hasMessageStartingWith("training.error.noModel");
    }
}
