package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.data.Offset;
import org.cnnlab.base.Translations;
import org.junit.jupiter.api.Test;

/** Toggle φ between (x₁, x₂) and (r, θ) on the rings and see the accuracy change; then let the MLP learn its own representation. */
class RepresentationLessonIT extends BrowserTest {

    /** A percentage as the Spanish page writes it (Numbers.percent: "99,2 %" with a no-break space). */
    private static final Pattern PERCENT = Pattern.compile("([0-9.]+(?:,[0-9]+)?)[\u00a0 ]%");

    static double spanishNumber(String text) {
        try {
            return NumberFormat.getNumberInstance(Translations.SPANISH).parse(text).doubleValue();
        } catch (ParseException e) {
            throw new AssertionError("not a Spanish number: " + text, e);
        }
    }

    static double firstPercent(String text) {
        Matcher m = PERCENT.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return spanishNumber(m.group(1));
    }

    /** The test-set accuracy in the shown sentence (its second percentage). */
    private static double testAccuracy(String text) {
        Matcher m = PERCENT.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        assertThat(m.find()).as(text).isTrue();
        return spanishNumber(m.group(1));
    }

    private String fitAndRead(String button, String accuracyId) {
        String before = page.locator(accuracyId).count() == 0 ? "" : page.locator(accuracyId).textContent();   // hidden before the first fit
        page.locator(button).click();
        page.waitForFunction("([id, b]) => { const e = document.querySelector(id); return e && e.textContent && e.textContent !== b; }",
                new Object[] {accuracyId, before}, new Page.WaitForFunctionOptions().setTimeout(180_000));
        return page.locator(accuracyId).textContent();
    }

    private void tab(String key) {
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText(spanish(key))).click();
    }

    @Test
    void the_opening_nests_deep_learning_inside_ai_and_states_the_model() {
        page.navigate(baseUrl() + "representacion");
        page.locator("#repr-nested").waitFor();
        assertThat(page.locator("#repr-nested .nested-box").count()).as("AI ⊃ ML ⊃ NN ⊃ DL").isEqualTo(3);   // inside the outer box
        assertThat(page.locator(".nested-ai .nested-ml .nested-nn .nested-dl").count()).isEqualTo(1);
        assertThat(page.locator("#repr-model").textContent()).contains("y = F[x, θ]");
        screenshot(page, "representation-overview");
    }

    @Test
    void hand_made_features_and_a_cnn_train_side_by_side_on_digits() {
        page.navigate(baseUrl() + "representacion");
        tab("representation.tab.classic");
        page.locator("#classic-run").waitFor();
        assertThat(page.locator("#classic-dataset").textContent()).as("the page opens on digits, where the lesson shows")
                .contains(spanish("dataset.mnist"));
        page.locator("#classic-per-class input").fill("100");
        page.locator("#classic-run").click();
        page.locator("#classic-cnn-accuracy").waitFor(new Locator.WaitForOptions().setTimeout(240_000));
        double hand = firstPercent(page.locator("#classic-hand-accuracy").textContent());
        double cnn = firstPercent(page.locator("#classic-cnn-accuracy").textContent());
        System.out.printf("browser, digits: hand-made features %.1f %%, CNN %.1f %%%n", hand, cnn);
        assertThat(cnn).isGreaterThan(hand);
        String reading = page.locator("#classic-reading").textContent();
        String start = spanish("representation.classic.reading.cnn").substring(0, spanish("representation.classic.reading.cnn").indexOf('{'));
        assertThat(reading).as("one sentence reads the result").startsWith(start);
        double points = Double.parseDouble(reading.substring(start.length()).split(" ")[0].replace(".", "").replace(',', '.'));
        assertThat(points).as("the lead it states is the two accuracies' difference").isCloseTo(cnn - hand, Offset.offset(0.15));
        assertThat(page.locator("#classic-learned img").count()).isEqualTo(16);
        assertThat(page.locator("#classic-hand .dataset-cell").count()).as("the hand-made pipeline's mistakes, as images").isPositive();
        page.locator("#classic-kernels").scrollIntoViewIfNeeded();
        screenshot(page, "representation-classic");
    }

    @Test
    void polar_features_separate_the_rings_a_line_in_x_cannot_and_the_mlp_learns_its_own() {
        page.navigate(baseUrl() + "representacion");
        tab("representation.tab.phi");
        page.locator("#repr-fit-linear").waitFor();
        page.locator("#repr-points input").fill("400");
        page.locator("#repr-preset-plain").click();
        double plain = testAccuracy(fitAndRead("#repr-fit-linear", "#repr-linear-accuracy"));
        assertThat(page.locator("#repr-linear-second").isVisible()).as("(x1, x2) is its own feature plane").isTrue();
        page.locator("#repr-preset-polar").click();
        double polar = testAccuracy(fitAndRead("#repr-fit-linear", "#repr-linear-accuracy"));
        System.out.printf("browser, rings: linear on (x1, x2) %.1f %%, on (r, θ) %.1f %%%n", plain, polar);
        assertThat(polar).isGreaterThanOrEqualTo(95.0);
        assertThat(plain).isLessThan(polar - 30);
        screenshot(page, "representation-polar");

        double mlp = testAccuracy(fitAndRead("#repr-fit-mlp", "#repr-mlp-accuracy"));
        assertThat(mlp).isGreaterThanOrEqualTo(95.0);
        assertThat(page.locator("#repr-mlp-second").getAttribute("src")).startsWith("data:image/png");
        page.locator("#repr-mlp").scrollIntoViewIfNeeded();
        screenshot(page, "representation-mlp");

        // 10⁷ points are clamped, and the page says so
        page.locator("#repr-points input").fill("10000000");
        page.locator("#repr-fit-linear").click();
        page.waitForFunction("() => document.querySelector('#repr-clamp').textContent !== ''");
        assertThat(page.locator("#repr-clamp").textContent()).isEqualTo(spanish("representation.clamped", 10000000, 2000));
    }
}
