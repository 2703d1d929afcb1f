package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.cnnlab.e2e.pages.TrainingPage;
import org.junit.jupiter.api.Test;

/** The training page in real Chromium: preview, a short real run with growing curves, and refusals. */
class TrainingLessonIT extends BrowserTest {

    private TrainingPage training;

    private void open() {
        training = new TrainingPage(page).open(baseUrl());
    }

    private void type(String id, String value) {
        training.type(id, value);
    }

    @Test
    void a_short_run_draws_growing_curves_and_ends_with_a_confusion_matrix() {
        open();
        assertThat(page.locator("#dataset-preview img").count()).isEqualTo(20);
        assertThat(page.locator("#dataset-counts").textContent()).contains(spanish("class.circle") + ": 200");
        type("train-per-class", "80");
        page.waitForFunction("() => document.querySelector('#dataset-counts').textContent.includes(': 80')");
        type("train-epochs", "4");
        page.locator("#train-start").click();
        page.locator("#loss-curves[data-points]").waitFor();
        page.waitForFunction("() => (document.querySelector('#train-status')?.textContent ?? '').startsWith('"
                + spanish("training.status.done", "").substring(0, 5) + "')", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
        int points = Integer.parseInt(page.locator("#loss-curves").getAttribute("data-points"));
        // 4 epochs of ⌈320/32⌉ = 10 batches, plus 4 training and 4 validation epoch points
        assertThat(points).isEqualTo(40 + 4 + 4);
        assertThat(page.locator("#confusion-matrix td").count()).isEqualTo(25);
        // the matrix names its classes on both axes, and says which axis is which
        assertThat(page.locator("#confusion-matrix th[scope=row]").allTextContents()).hasSize(5).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(page.locator("#confusion-matrix th[scope=col]").allTextContents()).hasSize(5).allSatisfy(t -> assertThat(t).isNotBlank());
        assertThat(page.locator("#confusion-matrix th.axis").allTextContents()).containsExactly(spanish("confusion.predicted"), spanish("confusion.real"));
        assertThat(page.locator("#confusion-matrix td.diagonal").count()).isEqualTo(5);
        assertThat(page.locator("#train-status").textContent()).matches(".*\\d+,\\d\u00a0%.*");   // Numbers.percent in Spanish: 97,5 %

        // try the model: one stroke on the canvas gives a probability for each of the five classes
        training.stroke("#try-model #draw-canvas", 0.2, 0.2, 0.8, 0.8);
        page.waitForFunction("() => document.querySelectorAll('#prediction .guess').length === 5");
        assertThat(page.locator("#prediction").textContent()).contains(spanish("class.cross")).contains("%");
        // the run is listed for comparison, with its accuracy at shifts of 0…8 pixels
        page.locator("#runs-table vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(spanish("training.network.small_cnn"))).first().waitFor();
        assertThat(page.locator("#shift-curves").getAttribute("data-points")).isEqualTo("9");

        // the examples it gets wrong are the confusion matrix's off-diagonal counts (at most 24 shown)
        List<String> cells = page.locator("#confusion-matrix td").allTextContents();
        int wrong = 0;
        for (int i = 0; i < 25; i++) if (i / 5 != i % 5) wrong += Integer.parseInt(cells.get(i).trim());
        assertThat(page.locator("#wrong-examples .wrong-example").count()).isEqualTo(Math.min(24, wrong));
        screenshot(page, "training-done");

        // save, download, delete, upload the file back and try it: the same answer for the same drawing
        String answer = page.locator("#prediction").textContent();
        type("models-name", "mi cnn");
        page.locator("#models-save").click();
        page.locator("#models-list .saved-model").first().waitFor();
        assertThat(page.locator("#models-list .saved-model").textContent()).contains("mi cnn").contains(spanish("dataset.shapes-easy"));
        Download download = page.waitForDownload(() -> page.locator("#models-list .models-download").click());
        assertThat(download.suggestedFilename()).isEqualTo("mi-cnn.cnnlab");
        byte[] file;
        try {
            file = Files.readAllBytes(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.locator("#models-list .models-delete").click();
        page.waitForFunction("() => document.querySelectorAll('#models-list .saved-model').length === 0");
        page.locator("#models-upload input[type=file]").setInputFiles(
                new FilePayload("mi-cnn.cnnlab", "application/zip", file));
        page.locator("#models-list .saved-model").first().waitFor();
        page.locator("#models-list .models-use").click();
        page.waitForFunction("t => document.querySelector('#try-model-which').textContent === t", spanish("training.try.saved", "mi cnn"));
        // the uploaded model answers the drawing already on the canvas exactly as the run's model did
        page.waitForFunction("() => document.querySelectorAll('#prediction .guess').length === 5");
        assertThat(page.locator("#prediction").textContent()).isEqualTo(answer);
        screenshot(page, "training-saved-model");
    }

    @Test
    void a_file_that_is_not_a_model_gets_a_translated_reason() {
        open();
        page.locator("#models-upload input[type=file]").setInputFiles(
                new FilePayload("notes.cnnlab", "application/zip", "hola".getBytes()));
        page.waitForFunction("t => [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent === t)",
                spanish("models.error.notOurs"));
    }

    @Test
    void the_first_pause_shows_at_once_then_resume_and_stop_follow() {
        open();
        type("train-per-class", "2000");
        page.waitForFunction("() => document.querySelector('#dataset-counts').textContent.includes(': 2')");
        type("train-epochs", "50");
        type("train-batch", "8");
        page.locator("#train-start").click();
        page.locator("#loss-curves[data-points]").waitFor();
        page.locator("#train-pause").click();   // mid-burst of batch snapshots: the paused one must still be shown
        page.waitForFunction("t => (document.querySelector('#train-status')?.textContent ?? '').startsWith(t)",
                spanish("training.status.paused", 1, 50).substring(0, 8));
        assertThat(page.locator("#train-pause").textContent()).isEqualTo(spanish("training.resume"));
        page.locator("#train-pause").click();   // resume
        page.waitForFunction("t => document.querySelector('#train-pause').textContent === t", spanish("training.pause"));
        page.locator("#train-stop").click();
        page.waitForFunction("() => document.querySelector('#train-pause').hasAttribute('disabled')");
    }

    @Test
    void absurd_settings_get_translated_reasons() {
        open();
        type("train-batch", "0");
        page.locator("#train-start").click();
        Locator card = page.locator("vaadin-notification-card").last();
        card.waitFor();
        assertThat(card.textContent()).isEqualTo(spanish("training.error.batch", 1, 200 * 5 * 8 / 10));
        page.evaluate("() => document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        type("train-batch", "32");
        page.locator("#train-lr input").fill("");
        page.locator("#train-lr input").press("Tab");
        page.locator("#train-start").click();
        page.waitForFunction("t => [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent === t)",
                spanish("training.error.learningRate"));
        screenshot(page, "training-refused");
    }

    @Test
    void own_classes_drawn_on_the_page_become_a_data_set_and_train() {
        open();
        training.choose("train-dataset", spanish("dataset.own"));
        page.locator("#own-classes").waitFor();
        page.waitForFunction("t => document.querySelector('#dataset-counts').textContent === t", spanish("own.error.tooFewClasses"));
        type("own-class-name", "sol");
        page.locator("#own-class-add").click();
        page.waitForFunction("() => document.querySelectorAll('#own-classes-list .own-class').length === 1");
        type("own-class-name", "raya");
        page.locator("#own-class-add").click();
        page.waitForFunction("() => document.querySelectorAll('#own-classes-list .own-class').length === 2");
        // the new class is the target: draw two strokes for "raya", then switch to "sol" and draw a circle-ish stroke
        for (double x : new double[] {0.3, 0.7}) {
            training.stroke("#own-canvas", x, 0.1, x, 0.9);
            page.locator("#own-add-drawing").click();
        }
        training.choose("own-target", "sol");
        training.stroke("#own-canvas", 0.3, 0.3, 0.7, 0.7);
        page.locator("#own-add-drawing").click();
        page.waitForFunction("t => document.querySelector('#own-classes-list').textContent.includes(t)", spanish("own.count", "sol", 1));
        assertThat(page.locator("#own-classes-list").textContent()).contains(spanish("own.count", "raya", 2));
        // adding the pad again after it was cleared: a translated refusal
        page.locator("#own-add-drawing").click();
        page.waitForFunction("t => [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent === t)",
                spanish("own.error.blank"));
        type("train-per-class", "20");
        page.waitForFunction("() => document.querySelector('#dataset-counts').textContent.includes('sol: 20, raya: 20')");
        assertThat(page.locator("#dataset-preview img").count()).isEqualTo(20);
        type("train-epochs", "2");
        type("train-batch", "8");
        page.locator("#train-start").click();
        page.locator("#train-status").waitFor();
        page.waitForFunction("() => (document.querySelector('#train-status')?.textContent ?? '').startsWith('"
                + spanish("training.status.done", "").substring(0, 5) + "')", null,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
        assertThat(page.locator("#confusion-matrix td").count()).isEqualTo(4);
        screenshot(page, "training-own-classes");
    }

    @Test
    void one_click_compares_the_mlp_and_both_cnns_on_one_shift_chart() {
        open();
        type("train-per-class", "20");
        type("train-epochs", "1");
        type("train-batch", "16");
        page.locator("#train-compare").click();
        page.waitForFunction("() => document.querySelector('#shift-curves') && document.querySelector('#shift-curves').getAttribute('data-points') === '27'",
                null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        for (String network : new String[] {"mlp", "small_cnn", "gap_cnn"}) {
            page.locator("#runs-table vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(spanish("training.network." + network))).first().waitFor();
        }
        page.waitForFunction("() => !document.querySelector('#train-compare').hasAttribute('disabled')");
        screenshot(page, "training-compare");
    }
}
