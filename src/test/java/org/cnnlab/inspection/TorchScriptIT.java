package org.cnnlab.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.inspection.saliency.IntegratedGradients;
import org.cnnlab.inspection.saliency.Lime;
import org.cnnlab.inspection.saliency.SaliencyRequest;
import org.cnnlab.inspection.saliency.Settings;
import org.cnnlab.inspection.saliency.SmoothGrad;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.TensorShape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * TorchScript models made here by Debian's python3-torch ({@code src/test/resources/torchscript/make_models.py}):
 * DJL gives the same logits and the same input gradient as PyTorch itself, every saliency method
 * runs (Grad-CAM is refused), the model's feature_maps are shown, and each kind of bad file gets
 * its own message.
 */
class TorchScriptIT {

    @TempDir
    static Path dir;
    private static Path models;
    private static final ModelRunner RUNNER = new ModelRunner(new NetworkFactory(NetworkLimits.defaults()));
    private static final InspectionService INSPECTION = new InspectionService(RUNNER, new ImageDecoder(ImageLimits.defaults()));
    private static final SaliencyService SALIENCY = new SaliencyService(RUNNER, SaliencyLimits.defaults());
    private static final StudentId ANA = new StudentId("ana");
    private static final StudentId BEA = new StudentId("bea");
    private static JsonNode expected;
    private static final TorchScriptLimits UPLOADS = new TorchScriptLimits(0, 0, 0, true);

    /** A store of its own, so no test depends on another's uploads. */
    private static TorchScriptModels fresh() {
        return new TorchScriptModels(dir.resolve("data-" + UUID.randomUUID()), UPLOADS);
    }

    @BeforeAll
    static void makeModels() throws Exception {
        models = TorchScriptFiles.make(dir.resolve("made"));
        expected = JsonMapper.builder().build().readTree(Files.readString(models.resolve("regions.expected.json")));
    }

    private static byte[] file(String name) throws Exception {
        return Files.readAllBytes(models.resolve(name + ".pt"));
    }

    private static float[] floats(String field) {
        JsonNode a = expected.get(field);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) a.get(i).asDouble();
        return out;
    }

    @Test
    void sameLogitsAndGradientAsPytorchInEvaluationMode() throws Exception {
        TorchScriptModel m = fresh().upload(ANA, "regions.pt", file("regions"));
        assertThat(m.classes()).containsExactly("arriba", "abajo");
        assertThat(m.input()).isEqualTo(TensorShape.image(3, 16, 16));
        float[] x = floats("x");
        float[] z = floats("logits");
        // through the page's path: the PNG of x (exact at 8 bits), decoded and kept as colour
        Inspection in = INSPECTION.inspect(m, png(x));
        double p0 = 1 / (1 + Math.exp(z[1] - z[0]));
        assertThat(in.probabilities()[0]).as("softmax of PyTorch's logits (dropout off)").isCloseTo(p0, within(1e-5));
        assertThat(INSPECTION.inspect(m, png(x)).probabilities()).as("evaluation mode: the same twice").containsExactly(in.probabilities());
        Saliency s = SALIENCY.saliency(m, INSPECTION.input(m, png(x)), SaliencyRequest.of(Saliency.Method.VANILLA, 0));
        float[] vanilla = floats("vanilla");
        for (int p = 0; p < vanilla.length; p++) assertThat(s.map()[p]).as("pixel %d", p).isCloseTo(vanilla[p], within(1e-4f + 1e-4f * vanilla[p]));
        // SmoothGrad's samples: each the vanilla map of its noisy input (TorchScript's first batched backward passes are off, see OpenNetwork)
        SplittableRandom random = new SplittableRandom(5);   // the service's noise, drawn the same way
        float[] mean = new float[256];
        for (int i = 0; i < 10; i++) {
            float[] noisy = new float[x.length];
            for (int p = 0; p < x.length; p++) noisy[p] = (float) (x[p] + 0.2 * random.nextGaussian());
            float[] v = SALIENCY.saliency(m, noisy, SaliencyRequest.of(Saliency.Method.VANILLA, 0)).map();
            for (int p = 0; p < 256; p++) mean[p] += v[p] / 10;
        }
        float[] smooth = SALIENCY.saliency(m, x, new SmoothGrad(0, 10, 0.2, 5)).map();
        for (int p = 0; p < 256; p++) assertThat(smooth[p]).as("SmoothGrad pixel %d", p).isCloseTo(mean[p], within(1e-4f + 1e-4f * mean[p]));
        Saliency ig = SALIENCY.saliency(m, x, new IntegratedGradients(0, 100));
        assertThat(ig.scoreDifference()).as("S_0(x) − S_0(0), PyTorch's").isCloseTo(z[0] - floats("black")[0], within(1e-3));
        assertThat(ig.attributionSum()).as("completeness").isCloseTo(ig.scoreDifference(), within(0.01 * Math.abs(ig.scoreDifference())));
    }

    @Test
    void everyMethodButGradCamLooksAtTheRegionTheClassReads() throws Exception {
        TorchScriptModel m = fresh().upload(BEA, "regions.pt", file("regions"));
        float[] x = floats("x");
        for (Saliency.Method method : Saliency.Method.values()) {
            boolean lime = method == Saliency.Method.LIME;   // LIME on the four quadrants; occlusion pixel by pixel, so no window straddles the edge
            SaliencyRequest r = lime ? new Lime(1, 500, 8, 0.25, Lime.Segments.PATCHES, 3) : new Settings(25, 500, 0.1, 25, 1, 1, 3).request(method, 1);
            if (method == Saliency.Method.LOSS_GRADIENT) continue;   // −log softmax_1 reads both classes' scores, so both regions: right, not a region test
            if (method == Saliency.Method.GRAD_CAM) {
                assertThatThrownBy(() -> SALIENCY.saliency(m, x, r)).isInstanceOf(InvalidInputException.class).hasMessageContaining("saliency.error.noConv");
                continue;
            }
            float[] map = SALIENCY.saliency(m, x, r).map();
            double inside = 0;
            double total = 0;
            for (int p = 0; p < map.length; p++) {
                total += map[p];
                if (p / 16 >= 7 && p % 16 >= 7) inside += map[p];   // class 1 reads conv rows and columns 8…15: input 7…15
            }
            System.out.printf("TorchScript %s: %.3f of the attribution on the bottom-right%n", method, inside / total);
            assertThat(inside / total).as("%s share on the bottom-right", method).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void featureMapsAndFiltersComeFromTheModule() throws Exception {
        TorchScriptModel m = fresh().upload(BEA, "regions.pt", file("regions"));
        assertThat(m.featureMaps()).isTrue();
        Inspection in = INSPECTION.inspect(m, png(floats("x")));
        assertThat(in.layers()).hasSize(1);
        assertThat(in.layers().getFirst().type()).isEqualTo("conv");
        assertThat(in.layers().getFirst().builderType()).isFalse();
        assertThat(in.layers().getFirst().shape()).isEqualTo(TensorShape.image(2, 16, 16));
        assertThat(in.layers().getFirst().maps()).hasSize(2);
        assertThat(in.filters()).hasSize(2);
        assertThat(in.filters().getFirst().kernel()).isEqualTo(3);
        assertThat(in.filters().getFirst().bias()).isCloseTo(0.05f, within(1e-6f));
    }

    @Test
    void aKeptModuleServesTheNextRequestsAndAReplacedFileLoadsAnew() throws Exception {
        OpenNetworks kept = new OpenNetworks();
        TorchScriptModels store = new TorchScriptModels(dir.resolve("kept-" + UUID.randomUUID()), UPLOADS, kept);
        TorchScriptModel m = store.upload(ANA, "regions.pt", file("regions"));
        Inspection first = INSPECTION.inspect(m, png(floats("x")));
        Inspection second = INSPECTION.inspect(m, png(floats("x")));
        assertThat(kept.size()).as("one module, loaded once").isEqualTo(1);
        assertThat(second.probabilities()).containsExactly(first.probabilities());
        Files.setLastModifiedTime(m.file(), FileTime.fromMillis(Files.getLastModifiedTime(m.file()).toMillis() + 5_000));
        INSPECTION.inspect(m, png(floats("x")));
        assertThat(kept.size()).as("the replaced file is a new key").isEqualTo(2);
        kept.close();
    }

    @Test
    void withoutDescriptionTheInputIsImagenetSizedAndClassesNumbered() throws Exception {
        TorchScriptModels own = fresh();
        TorchScriptModel m = own.upload(ANA, "plain.pt", file("plain"));
        assertThat(m.input()).isEqualTo(TorchScriptModels.DEFAULT_INPUT);
        assertThat(m.classes()).containsExactly("0", "1", "2", "3", "4");
        assertThat(m.featureMaps()).isFalse();
        assertThat(m.camLayer()).isEqualTo(-1);
        Inspection in = INSPECTION.inspect(m, png(floats("x")));   // a 16×16 image, resized to 224×224
        assertThat(in.layers()).isEmpty();
        assertThat(Arrays.stream(in.probabilities()).sum()).isCloseTo(1.0, within(1e-5));
        own.forget(ANA);
    }

    @Test
    void sharedFilesAreOfferedToEveryoneAndUploadsOnlyToTheirOwner() throws Exception {
        Path data = dir.resolve("shared-test");
        TorchScriptModels own = new TorchScriptModels(data, UPLOADS);
        Path shared = Files.createDirectories(data.resolve("shared").resolve("torchscript"));
        Files.copy(models.resolve("plain.pt"), shared.resolve("imagenet-ish.pt"));
        Files.writeString(shared.resolve("imagenet-ish.pt.json"), "{\"classes\": [\"a\", \"b\", \"c\", \"d\", \"e\"]}");
        Files.write(shared.resolve("broken.pt"), "not a model".getBytes(StandardCharsets.UTF_8));
        TorchScriptModel mine = own.upload(ANA, "regions.pt", file("regions"));
        assertThat(own.list(ANA)).extracting(TorchScriptModel::name).containsExactly("imagenet-ish", "regions");
        assertThat(own.list(BEA)).extracting(TorchScriptModel::name).containsExactly("imagenet-ish");
        assertThat(own.list(BEA).getFirst().classes()).containsExactly("a", "b", "c", "d", "e");
        assertThatThrownBy(() -> own.find(BEA, mine.id())).isInstanceOf(InvalidInputException.class);
        own.forget(ANA);
        assertThat(Files.exists(mine.file())).isFalse();
        assertThat(own.list(ANA)).hasSize(1);
    }

    @Test
    void badFilesEachGetTheirOwnMessage() throws Exception {
        TorchScriptModels limited = new TorchScriptModels(dir.resolve("bad"), new TorchScriptLimits(1024 * 1024, 1, 64, true));
        StudentId who = new StudentId("bad-files");
        byte[] regions = file("regions");
        byte[] truncated = Arrays.copyOf(regions, regions.length - 60);   // the ZIP's central directory cut off
        ByteArrayOutputStream garbled = new ByteArrayOutputStream();   // TorchScript's layout, its pickled data replaced
        try (var in = new ZipFile(models.resolve("regions.pt").toFile()); var zip = new ZipOutputStream(garbled)) {
            for (var e : Collections.list(in.entries())) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().endsWith("data.pkl") ? "garbage".getBytes(StandardCharsets.UTF_8) : in.getInputStream(e).readAllBytes());
            }
        }
        ByteArrayOutputStream notScript = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(notScript)) {
            zip.putNextEntry(new ZipEntry("model.json"));
            zip.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(limited, who, "text.pt", "hola".getBytes(StandardCharsets.UTF_8), "torchscript.error.notTorchScript");
        assertRefused(limited, who, "model.pt", notScript.toByteArray(), "torchscript.error.notTorchScript");
        assertRefused(limited, who, "truncated.pt", truncated, "torchscript.error.notTorchScript");
        assertRefused(limited, who, "garbled.pt", garbled.toByteArray(), "torchscript.error.file");
        assertRefused(limited, who, "nan.pt", file("nan-weights"), "torchscript.error.numeric");
        assertRefused(limited, who, "shape.pt", file("wrong-shape"), "torchscript.error.input");
        assertRefused(limited, who, "classes.pt", file("wrong-classes"), "torchscript.error.classes");
        assertRefused(limited, who, "scores.pt", file("not-scores"), "torchscript.error.output");
        assertRefused(limited, who, "int-maps.pt", file("int-maps"), "torchscript.error.featureMaps");
        assertRefused(new TorchScriptModels(dir.resolve("off"), TorchScriptLimits.defaults()), who, "regions.pt", file("regions"),
                "torchscript.error.uploadsOff");   // the default: only the instructor's shared folder
        assertRefused(limited, who, "big.pt", new byte[2 * 1024 * 1024], "torchscript.error.tooLarge");
        assertThat(limited.list(who)).isEmpty();
        assertThat(Files.list(dir.resolve("bad").resolve("torchscript").resolve(who.folderName())).toList()).as("refused files are not kept").isEmpty();
        limited.upload(who, "regions.pt", regions);
        assertRefused(limited, who, "again.pt", regions, "torchscript.error.tooMany");
    }

    private static void assertRefused(TorchScriptModels store, StudentId who, String name, byte[] bytes, String key) {
        assertThatThrownBy(() -> store.upload(who, name, bytes)).as(name).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKey()).isEqualTo(key);
    }

    private static byte[] png(float[] x) {
        return PngEncoder.encode(PixelImage.fromUnit(3, 16, 16, x));
    }
}
