package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.cnnlab.convolution.CountQuiz;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.convolution.ReferenceConvolution;
import org.cnnlab.e2e.pages.PlaygroundPage;
import org.cnnlab.imaging.CraftedImages;
import org.cnnlab.imaging.SampleImages;
import org.junit.jupiter.api.Test;

/** The convolution playground in real Chromium against the real app. */
class ConvolutionPlaygroundIT extends BrowserTest {

    @Test
    void sobel_f1_on_the_slide_matrix_shows_the_reference_values() {
        PlaygroundPage playground = new PlaygroundPage(page).open(baseUrl());
        playground.chooseSample(spanish("sample.lecture-matrix"));
        playground.choosePreset(spanish("preset.laplacian_f2"));   // away from the default first,
        playground.choosePreset(spanish("preset.sobel_f1"));       // so the page really recomputes
        double[] reference = ReferenceConvolution.valid(SampleImages.lectureMatrix(), KernelPreset.SOBEL_F1.kernel(3).weights(), 3);
        assertThat(playground.walkOutputRows()).isEqualTo(5);
        assertThat(playground.walkOutputCols()).isEqualTo(7);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(playground.walkOutput(i, j)).as("G[%d,%d] on the page", i, j).isCloseTo(reference[i * 7 + j], within(1e-9));
            }
        }
        // ⌊(7 + 0 − 2 − 1)/1⌋ + 1 = 5 rows and ⌊(9 + 0 − 2 − 1)/1⌋ + 1 = 7 columns, worked out here
        assertThat(playground.outputSize())
                .contains("⌊(7 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 5")
                .contains("⌊(9 + 2·0 − 1·(3−1) − 1)/1⌋ + 1 = 7")
                .endsWith("5×7.");
        screenshot(page, "playground-sobel-slide-matrix");
    }

    @Test
    void the_count_quiz_gives_a_hint_first_then_the_answer_and_keeps_a_score() {
        new PlaygroundPage(page).open(baseUrl());
        CountQuiz.Feedback truth = CountQuiz.check(7, 9, 3, 0);
        String positions = Integer.toString(truth.positions());
        page.locator("#quiz-answer input").fill("63");                 // the input's pixels
        page.locator("#quiz-check").click();
        page.waitForFunction("() => document.querySelector('#quiz-feedback').getAttribute('data-stage') === 'hint'");
        assertThat(page.locator("#quiz-feedback").textContent()).startsWith("✗ " + spanish("quiz.count.first.inputPixels", 7, 9, 3))
                .doesNotContain("= " + positions);
        page.locator("#quiz-check").click();
        page.waitForFunction("() => document.querySelector('#quiz-feedback').getAttribute('data-stage') === 'answer'");
        assertThat(page.locator("#quiz-feedback").textContent()).contains("= " + positions);
        page.locator("#quiz-answer input").fill(positions);
        page.locator("#quiz-check").click();
        page.waitForFunction("() => document.querySelector('#quiz-feedback').getAttribute('data-correct') === 'true'");
        assertThat(page.locator("#quiz-feedback").textContent()).startsWith("✓ ");
        assertThat(page.locator("#quiz-score").textContent()).isEqualTo(spanish("quiz.score", 0, 1, 0));
    }

    @Test
    void a_preset_chosen_by_its_label_reaches_the_server_and_a_label_it_lacks_is_named() {
        PlaygroundPage playground = new PlaygroundPage(page).open(baseUrl());
        playground.choosePreset(spanish("preset.outline"));   // returns once the server has painted the new map
        assertThat(playground.kernelCell(4).inputValue()).isEqualTo("8");
        assertThat(page.locator("#kernel-preset[opened]").count()).as("the list was never opened").isZero();
        page.setDefaultTimeout(2_000);   // how long a pick waits for a missing item to arrive
        assertThatThrownBy(() -> playground.choose("kernel-preset", "Sobel f1")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("several items containing \"Sobel f1\"").hasMessageContaining(spanish("preset.sobel_f1"));
        assertThatThrownBy(() -> playground.choose("kernel-preset", "Mexican hat")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no item labelled \"Mexican hat\"").hasMessageContaining(spanish("preset.identity"));
    }

    @Test
    void editing_one_kernel_cell_changes_the_displayed_values() {
        PlaygroundPage playground = new PlaygroundPage(page).open(baseUrl());
        double before = playground.walkOutput(0, 0);
        playground.typeInKernelCell(4, "10");   // the centre of f1 was 0
        double after = playground.walkOutput(0, 0);
        // the centre weight now multiplies F[1,1] of the slide matrix
        assertThat(after - before).isCloseTo(10 * SampleImages.lectureMatrix().at(0, 1, 1), within(1e-6));

        playground.kernelCell(4).fill("NaN");
        page.waitForFunction("() => document.querySelector('#kernel-error').textContent.length > 0");
        assertThat(playground.kernelError()).isEqualTo(spanish("kernel.error.cellNotFinite", 2, 2));
        assertThat(playground.walkOutput(0, 0)).isEqualTo(after);   // the last good map stays
        screenshot(page, "playground-kernel-nan");
    }

    @Test
    void uploading_a_png_makes_it_the_input() throws Exception {
        PlaygroundPage playground = new PlaygroundPage(page).open(baseUrl());
        String before = playground.featureMapSource();
        playground.upload("stripes.png", "image/png", png(60, 40));
        playground.waitForNewMap(before);
        assertThat(playground.inputInfo()).contains("40×60");
        screenshot(page, "playground-upload");
    }

    @Test
    void drawing_a_stroke_makes_it_the_input() {
        PlaygroundPage playground = new PlaygroundPage(page).open(baseUrl());
        playground.openDrawTab();
        String before = playground.featureMapSource();
        playground.drawStroke(0.2, 0.2, 0.8, 0.7);
        playground.waitForNewMap(before);
        String before7x9 = "7×9";
        assertThat(playground.inputInfo()).doesNotContain(before7x9);
        screenshot(page, "playground-drawing");
    }

    @Test
    void bad_uploads_get_translated_messages_while_another_student_keeps_working() throws Exception {
        PlaygroundPage student = new PlaygroundPage(page).open(baseUrl());
        BrowserContext otherContext = newContext();
        try {
            PlaygroundPage other = new PlaygroundPage(otherContext.newPage()).open(baseUrl());
            byte[] good = png(64, 48);

            student.upload("broken.png", "image/png", Arrays.copyOf(good, good.length / 2));
            assertThat(student.waitForError()).isEqualTo(spanish("image.error.corrupt"));
            other.typeInKernelCell(0, "3");

            dismissErrors();
            student.upload("dibujo.png", "image/png", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes());
            assertThat(student.waitForError()).isEqualTo(spanish("image.error.svg"));
            other.typeInKernelCell(0, "4");

            dismissErrors();
            student.upload("bomb.png", "image/png", CraftedImages.pngClaiming(100_000, 100_000));
            assertThat(student.waitForError()).isEqualTo(spanish("image.error.dimensions", 100_000, 100_000, 4096, "16.0"));
            other.typeInKernelCell(0, "5");

            dismissErrors();
            student.upload("huge.png", "image/png", new byte[11 * 1024 * 1024]);
            assertThat(student.waitForError()).isEqualTo(spanish("image.error.rejectedByBrowser", "huge.png", "10"));
            screenshot(page, "playground-bad-upload");

            // the student's input is still the slide matrix, and it still computes
            assertThat(student.inputInfo()).contains("7×9");
            student.typeInKernelCell(4, "1");
            assertThat(other.page().locator("#kernel-grid #cell-0").inputValue()).isEqualTo("5");
        } finally {
            otherContext.close();
        }
    }

    @Test
    void absurd_settings_get_a_message_and_the_last_good_map_stays() {
        PlaygroundPage playground = new PlaygroundPage(page).open(baseUrl());
        double before = playground.walkOutput(0, 0);
        for (String size : new String[] {"0", "99999", ""}) {
            dismissErrors();
            playground.setKernelSize(size);
            assertThat(playground.waitForError()).isEqualTo(spanish("conv.error.kernelSize", 1, 15));
            assertThat(playground.kernelSize()).isEqualTo("3");
        }
        dismissErrors();
        playground.setKernelSize("9");   // larger than the 7×9 image without padding
        assertThat(playground.waitForError()).isEqualTo(spanish("conv.error.kernelTooLarge", 9, 7, 9));
        assertThat(playground.walkOutput(0, 0)).isEqualTo(before);
        screenshot(page, "playground-bad-settings");
    }

    @Test
    void a_mistyped_address_gets_a_translated_page() {
        page.navigate(baseUrl() + "no-existe");
        assertThat(page.locator("h1").first().textContent()).isEqualTo(spanish("notFound.title"));
    }

    @Test
    void the_language_switch_turns_the_page_english_and_back() {
        PlaygroundPage playground = new PlaygroundPage(page).open(baseUrl());
        assertThat(playground.heading()).isEqualTo(spanish("lesson.convolution.title"));
        playground.switchLanguage();
        headingBecomes(english("lesson.convolution.title"));   // the switch reloads the page: wait for it, not for network idle
        assertThat(playground.heading()).isEqualTo(english("lesson.convolution.title"));
        assertThat(page.locator("#lesson-nav").textContent()).contains(english("lesson.convolution.title"));
        screenshot(page, "playground-english");
        playground.switchLanguage();
        headingBecomes(spanish("lesson.convolution.title"));
        assertThat(playground.heading()).isEqualTo(spanish("lesson.convolution.title"));
    }

    private void headingBecomes(String title) {
        page.waitForFunction("t => { const h = document.querySelector('h1'); return h !== null && h.textContent === t; }", title);
    }

    private void dismissErrors() {
        page.evaluate("() => document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        page.waitForFunction("() => document.querySelectorAll('vaadin-notification-card').length === 0");
    }

    static byte[] png(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x / 8) % 2 == 0 ? 0xffffff : 0x202020);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
