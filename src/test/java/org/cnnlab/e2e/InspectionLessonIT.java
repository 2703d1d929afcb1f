package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.cnnlab.e2e.pages.Pick;
import org.cnnlab.e2e.pages.PlaygroundPage;
import org.cnnlab.e2e.pages.TrainingPage;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.TorchScriptFiles;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Train a small CNN, open it on the inspection page, draw, see every layer, and run each saliency method. */
@TestPropertySource(properties = "cnnlab.torchscript.student-uploads=true")
class InspectionLessonIT extends BrowserTest {

    @Test
    void a_drawing_shows_every_layers_maps_the_filters_and_each_saliency_method() {
        TrainingPage training = new TrainingPage(page).open(baseUrl());
        page.navigate(baseUrl() + "interior");
        page.locator("#inspect-none").waitFor();
        assertThat(page.locator("#inspect-none").textContent()).contains(spanish("inspect.none"));

        training.open(baseUrl());
        training.type("train-per-class", "40");
        training.type("train-epochs", "2");
        page.locator("#train-start").click();
        page.locator("#train-status").waitFor();
        page.waitForFunction("() => (document.querySelector('#train-status')?.textContent ?? '').startsWith('"
                + spanish("training.status.done", "").substring(0, 5) + "')", null, new Page.WaitForFunctionOptions().setTimeout(120_000));

        page.navigate(baseUrl() + "interior");
        page.locator("#inspect-canvas canvas").waitFor();
        training.stroke("#inspect-canvas", 0.2, 0.2, 0.8, 0.8);
        // the starter CNN: conv, relu, pool, conv, relu, pool, flatten, dense
        page.waitForFunction("() => document.querySelectorAll('#inspect-layers .inspect-layer').length === 8");
        assertThat(page.locator("#inspect-layers .inspect-layer").first().locator("img").count()).isEqualTo(16);
        assertThat(page.locator("#inspect-filters .inspect-filter").count()).isEqualTo(16);
        assertThat(page.locator("#inspect-prediction .guess").count()).isEqualTo(5);
        screenshot(page, "inspection-layers");

        // the maps follow the pen: the input changes while the button is still down. The pen keeps
        // moving, back and forth along a diagonal, until the page shows the new input (the canvas sends
        // at most one live drawing every 200 ms, and the server may skip one while it is busy)
        String afterFirst = page.locator("#inspect-input").getAttribute("src");
        var box = page.locator("#inspect-canvas canvas").boundingBox();
        page.mouse().move(box.x + box.width * 0.8, box.y + box.height * 0.2);
        page.mouse().down();
        for (int i = 1; ; i++) {
            double t = 0.06 * (i % 20 < 10 ? i % 10 + 1 : 10 - i % 10);
            page.mouse().move(box.x + box.width * (0.8 - t), box.y + box.height * (0.2 + t));
            try {
                page.waitForFunction("d => document.querySelector('#inspect-input').getAttribute('src') !== d", afterFirst,
                        new Page.WaitForFunctionOptions().setTimeout(250));
                break;
            } catch (TimeoutError stillDrawing) {
                assertThat(i).as("moves of the pen without the input following it").isLessThan(120);
            }
        }
        page.mouse().up();

        int blanks = 0;
        for (Saliency.Method m : Saliency.Method.values()) {
            training.choose("saliency-method", spanish("saliency.method." + m.name().toLowerCase(Locale.ROOT)));
            String before = String.valueOf(page.locator("#saliency-map").getAttribute("src"));
            page.locator("#saliency-run").click();
            page.waitForFunction("b => String(document.querySelector('#saliency-map').getAttribute('src')) !== b", before);
            assertThat(page.locator("#saliency-cost").textContent()).startsWith(spanish("saliency.cost", 1, 1).substring(0, 6));
            // a blank map never stands bare: the page's sentence shows exactly when every pixel of the picture is the same
            boolean blankPicture = (Boolean) page.evaluate("""
                    () => new Promise(done => { const img = new Image(); img.onload = () => {
                      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
                      const g = c.getContext('2d'); g.drawImage(img, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data;
                      for (let i = 4; i < d.length; i++) if (d[i] !== d[i % 4]) { done(false); return; } done(true); };
                      img.src = document.querySelector('#saliency-map').getAttribute('src'); })""");
            assertThat(page.locator("#saliency-blank").isVisible()).as("%s: the map's picture is blank: %s", m, blankPicture).isEqualTo(blankPicture);
            if (blankPicture) blanks++;
        }
        System.out.println("saliency maps of the drawing that were blank (each explained): " + blanks);
        assertThat(page.locator("#saliency-cost").textContent()).isEqualTo(spanish("saliency.cost", 500, 0));   // LIME, the last method
        screenshot(page, "inspection-saliency");

        // an example from the model's own data set replaces the drawing as the input
        String drawn = page.locator("#inspect-input").getAttribute("src");
        page.locator("#inspect-example").click();
        page.waitForFunction("d => document.querySelector('#inspect-input').getAttribute('src') !== d", drawn);
        assertThat(page.locator("#inspect-layers .inspect-layer").count()).isEqualTo(8);

        // a learned filter opens in the convolution playground, its weights in the kernel editor
        double first = Double.parseDouble(page.locator("#inspect-filters .filter-numbers").first().textContent().trim().split("\\s+")[0]);
        page.locator("#inspect-filters .open-in-playground").first().click();
        page.waitForURL("**/convolucion");
        var cell = new PlaygroundPage(page).kernelCell(0);
        cell.waitFor();
        assertThat(Double.parseDouble(cell.inputValue().replace(',', '.'))).isCloseTo(first, Assertions.within(0.006));
    }

    @Test
    void the_husky_or_wolf_lab_trains_both_variants_and_shows_where_their_explanations_look() {
        page.navigate(baseUrl() + "interior");
        page.locator("#shortcut-biased").waitFor();
        assertThat(page.locator("#shortcut img").count()).isEqualTo(16);
        page.locator("#shortcut-biased").scrollIntoViewIfNeeded();
        page.locator("#shortcut-biased").click();
        page.waitForFunction("t => document.querySelector('#shortcut-status').textContent === t", spanish("shortcut.done"),
                new Page.WaitForFunctionOptions().setTimeout(180_000));
        page.locator("#shortcut-mixed").click();
        page.waitForFunction("t => document.querySelector('#shortcut-results').textContent.includes(t)", spanish("shortcut.mixed"),
                new Page.WaitForFunctionOptions().setTimeout(180_000));
        page.waitForFunction("t => document.querySelector('#shortcut-status').textContent === t", spanish("shortcut.done"),
                new Page.WaitForFunctionOptions().setTimeout(180_000));
        String table = page.locator("#shortcut-results").textContent();
        assertThat(table).contains(spanish("shortcut.accuracyCounterfactual")).contains(spanish("saliency.method.lime"));
        // both trained models can now be opened on the page (the picker's items, read without opening its list)
        var picker = page.locator("#inspect-model");
        page.waitForCondition(() -> Pick.labels(picker).size() >= 3);
        assertThat(Pick.labels(picker)).as("two trained models and the reference (and the pretrained CNN, listed last)")
                .filteredOn(l -> !l.equals(spanish("inspect.pretrained"))).hasSize(3);
        // by their translated names, never the enum's ("SHORTCUT_BIASED")
        assertThat(Pick.labels(picker)).anySatisfy(l -> assertThat(l).contains(spanish("training.network.shortcut_biased")))
                .noneSatisfy(l -> assertThat(l).containsPattern("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b"));
        page.locator("#shortcut-results").scrollIntoViewIfNeeded();
        screenshot(page, "inspection-shortcut");
    }

    @Test
    void a_student_without_models_gets_the_reference_model_trained_once_on_first_use() {
        TrainingPage pad = new TrainingPage(page);
        page.navigate(baseUrl() + "interior");
        page.locator("#inspect-canvas canvas").waitFor();
        assertThat(page.locator("#inspect-model").textContent()).as("the reference model is chosen").contains(spanish("inspect.reference"));
        pad.stroke("#inspect-canvas", 0.5, 0.15, 0.5, 0.85);   // a "1"
        page.waitForFunction("() => document.querySelectorAll('#inspect-layers .inspect-layer').length === 8", null,
                new Page.WaitForFunctionOptions().setTimeout(240_000));
        assertThat(page.locator("#inspect-prediction .guess").count()).isEqualTo(10);
        screenshot(page, "inspection-reference");
    }

    @Test
    void an_instructors_torchscript_model_shows_its_maps_and_saliency_and_a_bad_file_gets_a_message() throws Exception {
        Path made = TorchScriptFiles.make(Files.createTempDirectory("torchscript"));
        page.navigate(baseUrl() + "interior");
        page.locator("#torchscript vaadin-details-summary").click();
        page.locator("#torchscript-upload input[type=file]").setInputFiles(new FilePayload("notes.pt",
                "application/octet-stream", "hola".getBytes(StandardCharsets.UTF_8)));
        page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText(spanish("torchscript.error.notTorchScript"))).waitFor();
        page.locator("#torchscript-upload input[type=file]").setInputFiles(made.resolve("regions.pt"));
        page.waitForFunction("t => document.querySelector('#inspect-model').textContent.includes(t)", "TorchScript · regions");
        // a photo-like example as the input: the model's feature_maps method gives the one layer it shows
        page.locator("#inspect-example").click();
        page.waitForFunction("() => document.querySelectorAll('#inspect-layers .inspect-layer').length === 1");
        assertThat(page.locator("#inspect-layers .inspect-layer h4").textContent()).contains("conv");
        assertThat(page.locator("#inspect-prediction .guess").count()).isEqualTo(2);
        assertThat(page.locator("#inspect-filters .inspect-filter").count()).isEqualTo(2);
        // Grad-CAM is listed but disabled, with the reason
        var methods = page.locator("#saliency-method");
        assertThat(Pick.items(methods)).filteredOn(i -> i.label().contains(spanish("saliency.noCam.torchScript")))
                .singleElement().matches(Pick.Item::disabled, "disabled");
        Pick.byLabel(methods, spanish("saliency.method.lime"));
        assertThat(page.locator("#saliency-segments").textContent()).contains(spanish("saliency.segments.superpixels"));
        String before = String.valueOf(page.locator("#saliency-map").getAttribute("src"));
        page.locator("#saliency-run").click();
        page.waitForFunction("b => String(document.querySelector('#saliency-map').getAttribute('src')) !== b", before);
        assertThat(page.locator("#saliency-cost").textContent()).isEqualTo(spanish("saliency.cost", 500, 0));
        page.locator("#saliency").scrollIntoViewIfNeeded();
        screenshot(page, "inspection-torchscript");
    }

    @Test
    void the_pretrained_cnn_on_a_photo_shows_its_five_stages_its_top_classes_and_a_saliency_map() {
        page.navigate(baseUrl() + "interior");
        Pick.byLabel(page.locator("#inspect-model"), spanish("inspect.pretrained"));
        page.locator("#inspect-example").click();
        page.waitForFunction("() => document.querySelectorAll('#inspect-layers .inspect-layer').length === 5",
                null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        assertThat(page.locator("#inspect-prediction .guess").count()).as("the ten best of 80 classes").isEqualTo(10);
        var methods = page.locator("#saliency-method");
        assertThat(Pick.items(methods)).filteredOn(i -> i.label().contains(spanish("saliency.noCam.torchScript")))
                .singleElement().matches(Pick.Item::disabled, "disabled");
        Pick.byLabel(methods, spanish("saliency.method.vanilla"));
        String before = String.valueOf(page.locator("#saliency-map").getAttribute("src"));
        page.locator("#saliency-run").click();
        page.waitForFunction("b => String(document.querySelector('#saliency-map').getAttribute('src')) !== b", before,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
        assertThat(page.locator("#saliency-cost").textContent()).isEqualTo(spanish("saliency.cost", 1, 1));
        screenshot(page, "inspection-pretrained-layers");
        page.locator("#saliency").scrollIntoViewIfNeeded();
        screenshot(page, "inspection-pretrained-saliency");
        page.setViewportSize(390, 844);   // a phone
        page.locator("#saliency-map").scrollIntoViewIfNeeded();
        screenshot(page, "inspection-pretrained-phone");
    }
}
