package org.cnnlab.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.imaging.NetworkInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our DJL execution of the pretrained NanoDet equals an independent one: TensorFlow.js (its pure
 * JavaScript CPU backend, tools/tfjs) runs the same graph from the same files in the Node 24 the
 * build pins (tools/node), on the same input arrays, inside this test run. Real photos from Debian's
 * darknet package (installed by .ci/run) are decoded by the app's own decoder and brought to
 * 416×416 by the app's NetworkInput (area averaging where a side shrinks, nearest neighbour where it
 * grows; the aspect ratio is not kept), RGB in 0…1.
 */
class NanoDetIT {

    private static final Path PHOTOS = Path.of(System.getenv().getOrDefault("CNNLAB_DARKNET_DATA", "/usr/share/darknet/data"));
    private static final List<String> NAMES = List.of("dog", "horses", "eagle", "giraffe");
    private static final double TOLERANCE = 1e-3;
    /** The outputs in the order tfjs writes them: positions × values. */
    private static final List<String> PARTS = List.of("2704×80", "676×80", "169×80", "2704×44", "676×44", "169×44");

    private static DjlRuntime djl;
    private static PretrainedService service;
    private static final Map<String, float[]> INPUTS = new LinkedHashMap<>();
    private static final Map<String, float[]> REFERENCE = new LinkedHashMap<>();
    private static final Map<String, Long> REFERENCE_MS = new LinkedHashMap<>();

    @BeforeAll
    static void run_both() throws Exception {
        djl = new DjlRuntime();
        service = new PretrainedService(djl);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        Path dir = Files.createTempDirectory("cnnlab-nanodet");
        List<String> args = new ArrayList<>(List.of(Path.of("tools/node/node").toAbsolutePath().toString(), resource("pretrained/tfjs-reference.cjs").toString(),
                Path.of("tools/tfjs/node_modules/@tensorflow/tfjs").toAbsolutePath().toString(), resource(NanoDet.RESOURCES + "nanodet.json").getParent().toString()));
        for (String name : NAMES) {
            byte[] jpeg = Files.readAllBytes(PHOTOS.resolve(name + ".jpg"));
            float[] x = NetworkInput.of(decoder.decode(jpeg).image(), 3, NanoDet.SIDE, NanoDet.SIDE);
            INPUTS.put(name, x);
            Path file = dir.resolve(name + ".f32");
            ByteBuffer bytes = ByteBuffer.allocate(x.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(x);
            Files.write(file, bytes.array());
            args.add(file.toString());
        }
        Process node = new ProcessBuilder(args).redirectErrorStream(true).start();
        CompletableFuture<String> log = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return e.toString();
            }
        });
        assertThat(node.waitFor(10, TimeUnit.MINUTES)).as("tfjs reference finished").isTrue();
        String output = log.get(1, TimeUnit.MINUTES);
        assertThat(node.exitValue()).as("tfjs reference:\n%s", output).isZero();
        for (String name : NAMES) {
            Path out = dir.resolve(name + ".f32.out.f32");
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(values);
            REFERENCE.put(name, values);
            for (String line : output.lines().toList()) {
                String[] w = line.split(" ");
                if (w.length >= 2 && w[0].endsWith(name + ".f32")) REFERENCE_MS.put(name, Long.parseLong(w[1]));
            }
            Files.delete(out);
            Files.delete(dir.resolve(name + ".f32"));
        }
        Files.delete(dir);
    }

    @AfterAll
    static void close() {
        service.close();
        djl.close();
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NanoDetIT.class.getClassLoader().getResource(name).toURI());
    }

    /** tfjs writes the outputs sorted by name: Identity (stride 8 scores), _1, _2 (strides 16, 32), _3 … _5 (boxes 8, 16, 32). */
    private static float[] flat(PretrainedService.Outputs out) {
        List<float[]> parts = new ArrayList<>(out.scores());
        parts.addAll(out.boxes());
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] all = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    @Test
    void every_class_score_and_box_value_equals_tensorflow_js_on_real_photos() {
        assertThat(REFERENCE).hasSize(NAMES.size());
        int expected = (2704 + 676 + 169) * (80 + 44);
        SoftAssertions softly = new SoftAssertions();
        for (String name : NAMES) {
            float[] ours = flat(service.outputs(INPUTS.get(name)));
            float[] theirs = REFERENCE.get(name);
            assertThat(ours).hasSize(expected);
            assertThat(theirs).hasSize(expected);
            int start = 0;
            for (String part : PARTS) {
                int n = Integer.parseInt(part.split("×")[0]) * Integer.parseInt(part.split("×")[1]);
                double worst = 0;
                int at = -1;
                for (int i = start; i < start + n; i++) {
                    double d = Math.abs(ours[i] - theirs[i]);
                    if (!(d <= worst)) {
                        worst = d;
                        at = i - start;
                    }
                }
                System.out.printf("[nanodet] %s %s: max |DJL − tfjs| = %.3g (at %d)%n", name, part, worst, at);
                softly.assertThat(worst).as("%s, output %s: worst difference at %d", name, part, at).isLessThanOrEqualTo(TOLERANCE);
                start += n;
            }
        }
        softly.assertAll();
    }

    @Test
    void the_top_classes_are_what_a_person_sees() {
        Map<String, List<String>> known = Map.of("dog", List.of("dog", "bicycle"), "horses", List.of("horse"), "eagle", List.of("bird"), "giraffe", List.of("giraffe"));
        for (String name : NAMES) {
            List<PretrainedService.ClassScore> top = service.topClasses(service.outputs(INPUTS.get(name)), 3);
            System.out.printf("[nanodet] %s: %s%n", name, top);
            List<String> labels = top.stream().map(PretrainedService.ClassScore::label).toList();
            List<String> want = known.get(name);
            assertThat(labels.subList(0, want.size())).as(name).containsExactlyInAnyOrderElementsOf(want);
        }
    }

    @Test
    void a_class_score_has_a_gradient_with_respect_to_every_input_pixel_it_can_see() {
        NanoDet net = service.model();
        float[] x0 = INPUTS.get("dog");
        try (NDManager scope = service.scope(); Autograd.Held held = Autograd.hold(); GradientCollector collector = scope.getEngine().newGradientCollector()) {
            NDArray x = scope.create(x0, new Shape(1, 3, NanoDet.SIDE, NanoDet.SIDE));
            x.setRequiresGradient(true);
            NanoDet.Heads heads = net.forward(x, List.of());
            NDArray dog = heads.scores().get(2).get(":, :, 16").max();   // best "dog" score on the 13×13 grid
            collector.backward(dog);
            float[] g = x.getGradient().toFloatArray();
            long nonZero = Arrays.stream(toDoubles(g)).filter(v -> v != 0).count();
            assertThat(Arrays.stream(toDoubles(g)).allMatch(Double::isFinite)).isTrue();
            assertThat(nonZero).as("pixels the score depends on").isGreaterThan(g.length / 10);
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    @Test
    void one_forward_pass_in_djl_and_in_tensorflow_js() {
        float[] x = INPUTS.get("dog");
        service.outputs(x);   // warm-up
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            service.outputs(x);
            ms[i] = (System.nanoTime() - t) / 1_000_000;
        }
        Arrays.sort(ms);
        System.out.printf("[nanodet] one forward pass 1×3×416×416: DJL/PyTorch median %d ms (of %s), tfjs (pure JS CPU) %s ms%n", ms[2], Arrays.toString(ms), REFERENCE_MS);
        assertThat(ms[2]).as("DJL is faster than pure-JS tfjs").isLessThan(REFERENCE_MS.get("dog"));
    }
}
