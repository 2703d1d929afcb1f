package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.cnnlab.ResidentMemory;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.RenderedMap;
import org.cnnlab.imaging.SampleImages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-student playground on the real decoder and the real DJL convolution. */
class PlaygroundServiceIT extends ConvolutionFixture {

    private static PlaygroundService playground;

    @BeforeAll
    static void start() {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        playground = new PlaygroundService(convolution, decoder, new SampleImages(decoder), 3);
    }

    private static List<String> cells(String... values) {
        return Arrays.asList(values);
    }

    private static String messageKey(Throwable e) {
        return ((InvalidInputException) e).messageKey();
    }

    @Test
    void a_new_student_starts_on_the_slide_matrix_with_sobel_f1() {
        Playground p = playground.current(StudentId.random());
        assertThat(p.state().input().name()).isEqualTo(SampleImages.LECTURE_MATRIX_ID);
        assertThat(p.result().maps().getFirst().height()).isEqualTo(5);
        assertThat(p.result().maps().getFirst().width()).isEqualTo(7);
    }

    @Test
    void a_nan_kernel_is_refused_and_the_previous_kernel_and_map_stay() {
        StudentId student = StudentId.random();
        Playground before = playground.editKernel(student, 0, cells("0", "0", "0", "0", "2", "0", "0", "0", "0"));
        for (String bad : List.of("NaN", "Infinity", "-inf", "1e300", "abc")) {
            assertThatThrownBy(() -> playground.editKernel(student, 0, cells("0", "0", "0", "0", bad, "0", "0", "0", "0")))
                    .isInstanceOf(InvalidInputException.class);
        }
        Playground after = playground.current(student);
        assertThat(after.state().kernel(0)).isEqualTo(before.state().kernel(0));
        assertThat(after.result().maps().getFirst().values()).isEqualTo(before.result().maps().getFirst().values());
    }

    @Test
    void a_kernel_larger_than_the_image_keeps_the_previous_size() {
        StudentId student = StudentId.random();
        assertThatThrownBy(() -> playground.resizeKernel(student, 9))
                .satisfies(e -> assertThat(messageKey(e)).isEqualTo("conv.error.kernelTooLarge"));
        assertThat(playground.current(student).state().settings().kernelSize()).isEqualTo(3);
        // with padding the same kernel fits: 7 + 2·1 = 9
        ConvolutionSettings padded = new ConvolutionSettings(9, Padding.explicit(1), 1, 1, false, 0, ChannelMode.GREY);
        assertThat(playground.changeSettings(student, padded).result().rows().size()).isEqualTo(1);
    }

    @Test
    void a_corrupt_upload_keeps_the_previous_image() throws Exception {
        StudentId student = StudentId.random();
        playground.useSample(student, "checkerboard");
        byte[] png = pngOf(40, 30);
        assertThatThrownBy(() -> playground.useUpload(student, "broken.png", Arrays.copyOf(png, png.length / 2)))
                .satisfies(e -> assertThat(messageKey(e)).isEqualTo("image.error.corrupt"));
        assertThatThrownBy(() -> playground.useUpload(student, "notes.png", "hello".getBytes()))
                .satisfies(e -> assertThat(messageKey(e)).isEqualTo("image.error.notImage"));
        assertThat(playground.current(student).state().input().name()).isEqualTo("checkerboard");
        Playground ok = playground.useUpload(student, "ok.png", png);
        assertThat(ok.state().input().pixels().width()).isEqualTo(40);
        assertThat(ok.state().input().pixels().height()).isEqualTo(30);
    }

    @Test
    void students_do_not_see_each_others_work() {
        StudentId ana = StudentId.random();
        StudentId ben = StudentId.random();
        playground.applyPreset(ana, 0, KernelPreset.LAPLACIAN_F2);
        playground.useSample(ben, "gradient");
        assertThat(playground.current(ben).state().kernel(0)).isEqualTo(KernelPreset.SOBEL_F1.kernel(3));
        assertThat(playground.current(ana).state().input().name()).isEqualTo(SampleImages.LECTURE_MATRIX_ID);
        assertThat(playground.current(ana).state().kernel(0)).isEqualTo(KernelPreset.LAPLACIAN_F2.kernel(3));
    }

    @Test
    void the_least_recently_used_states_are_dropped_beyond_the_limit() {
        List<StudentId> students = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            StudentId s = StudentId.random();
            students.add(s);
            playground.useSample(s, "text");
        }
        assertThat(playground.activeStudents()).isLessThanOrEqualTo(3);
        // the oldest is back to a fresh state, the newest kept its sample
        assertThat(playground.current(students.getFirst()).state().input().name()).isEqualTo(SampleImages.LECTURE_MATRIX_ID);
        assertThat(playground.current(students.getLast()).state().input().name()).isEqualTo("text");
    }

    @Test
    void conv_layer_mode_sums_three_edited_channels_into_one_map() {
        StudentId student = StudentId.random();
        playground.useSample(student, "shapes");
        playground.replicateKernel(student, false);
        ConvolutionSettings layer = ConvolutionSettings.defaults().withChannelMode(ChannelMode.CONV_LAYER);
        playground.changeSettings(student, layer);
        playground.editKernel(student, 0, cells("0", "0", "0", "0", "1", "0", "0", "0", "0"));
        playground.editKernel(student, 1, cells("0", "0", "0", "0", "0", "0", "0", "0", "0"));
        Playground p = playground.editKernel(student, 2, cells("0", "0", "0", "0", "0", "0", "0", "0", "0"));
        assertThat(p.result().maps()).hasSize(1);
        assertThat(p.result().parameterCount()).isEqualTo(9 * 3 + 1);
        // the identity on red only: the map is the red channel's interior
        PixelImage in = p.state().input().pixels();
        FeatureMap map = p.result().maps().getFirst();
        assertThat(map.at(10, 20)).isEqualTo(in.at(0, 11, 21));
        assertThat(map.at(60, 60)).isEqualTo(in.at(0, 61, 61));
    }

    @Test
    void the_three_channel_maps_share_one_colour_scale() {
        StudentId student = StudentId.random();
        playground.useSample(student, "shapes");
        Playground p = playground.changeSettings(student, ConvolutionSettings.defaults().withChannelMode(ChannelMode.EACH_CHANNEL));
        assertThat(p.rendered()).hasSize(3);
        double largest = 0;
        for (FeatureMap m : p.result().maps()) {
            for (float v : m.values()) largest = Math.max(largest, Math.abs(v));
        }
        for (var map : p.rendered()) {
            assertThat(map.high()).isEqualTo(largest);
            assertThat(map.low()).isEqualTo(-largest);
        }
        // the channels differ, so their own extremes differ: one shared bar is a real choice
        assertThat(p.rendered().stream().map(RenderedMap::max).distinct().count()).isGreaterThan(1);
    }

    @Test
    void many_students_at_once_all_get_their_own_answer() throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int n = 0; n < 40; n++) {
                int scale = n + 1;
                answers.add(pool.submit(() -> {
                    StudentId s = StudentId.random();
                    Playground p = playground.editKernel(s, 0, cells("0", "0", "0", "0", Integer.toString(scale), "0", "0", "0", "0"));
                    return p.result().maps().getFirst().at(0, 0) == scale * SampleImages.lectureMatrix().at(0, 1, 1);
                }));
            }
            for (Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        }
    }

    @Test
    void a_learned_filter_opens_as_the_layer_computes_it_with_its_bias_scaled_to_the_pixel_range() {
        StudentId student = StudentId.random();
        playground.changeSettings(student, playground.current(student).state().settings().asLayer(0).withKernelSize(3));
        float[] w = new float[25];
        w[12] = 0.5f;
        Playground p = playground.useKernel(student, new Kernel(5, w), 0.1f);
        assertThat(p.state().settings().kernelSize()).isEqualTo(5);
        assertThat(p.state().kernel(0).weights()).containsExactly(w);
        assertThat(p.state().settings().bias()).isEqualTo(25.5f);
        assertThat(p.state().settings().flip()).isFalse();
    }

    @Test
    void repeated_convolutions_do_not_grow_native_memory() throws Exception {
        PixelImage image = ConvolutionServiceIT.randomImage(new Random(3), 3, 512, 512);
        ConvolutionSettings s = ConvolutionSettings.defaults().withChannelMode(ChannelMode.EACH_CHANNEL);
        List<Kernel> kernel = List.of(KernelPreset.SOBEL_F1.kernel(3));
        for (int n = 0; n < 30; n++) {
            convolution.apply(image, kernel, s); // warm up allocators
        }
        long before = ResidentMemory.nativeKb();
        for (int n = 0; n < 300; n++) {
            convolution.apply(image, kernel, s);
        }
        long grown = ResidentMemory.nativeKb() - before;
        // a leaked scope would keep ≥ 6 MB per call (input + three maps): 300 calls ≈ 1.8 GB.
        // The Java heap may grow meanwhile (the maps come back as float[]); that is not native memory.
        assertThat(grown).as("resident set growth outside the Java heap, KiB").isLessThan(400_000);
    }

    static byte[] pngOf(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 128);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void a_kernel_pushed_to_a_class_lands_with_every_student_it_fits_and_leaves_the_others_as_they_were() {
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        SampleImages samples = new SampleImages(decoder);
        PlaygroundService own = new PlaygroundService(convolution, decoder, samples, 10);
        ClassEvents events = new ClassEvents();
        new ClassPushes(events, own);
        String photo = samples.list().stream().filter(SampleImages.Sample::photo).findFirst().orElseThrow().id();
        StudentId onTheMatrix = StudentId.random();   // the slide's matrix: an 11×11 kernel does not fit it
        StudentId first = StudentId.random();
        StudentId second = StudentId.random();
        own.useSample(first, photo);
        own.useSample(second, photo);
        Kernel before = own.current(onTheMatrix).state().kernel(0);
        events.publish(new ClassEvent.KernelPushed(1, List.of(onTheMatrix, first, second), 11,
                Collections.nCopies(121, 0.5f), 0f, "big"));
        assertThat(own.current(onTheMatrix).state().kernel(0)).isEqualTo(before);
        for (StudentId s : List.of(first, second)) {
            Playground p = own.current(s);
            assertThat(p.state().kernel(0).size()).isEqualTo(11);
            assertThat(p.result().maps()).isNotEmpty();   // computed when shown
        }
    }
}
