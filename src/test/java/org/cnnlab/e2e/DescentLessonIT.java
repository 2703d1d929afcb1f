package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.Position;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cnnlab.descent.DescentService;
import org.cnnlab.e2e.pages.Settle;
import org.cnnlab.e2e.pages.TrainingPage;
import org.junit.jupiter.api.Test;

/** The recap lesson in real Chromium: a live fit, one step, two optimisers, a start chosen on the surface, the width sweep. */
class DescentLessonIT extends BrowserTest {

    private static final Pattern STEP = Pattern.compile("(\\d+)");

    private TrainingPage open() {
        TrainingPage form = new TrainingPage(page);
        page.navigate(baseUrl() + "descenso");
        page.locator("#fit-chart[data-points]").waitFor();
        return form;
    }

    private long step() {
        Matcher m = STEP.matcher(page.locator("#fit-status").textContent().split("·")[0].replaceAll(".*?: ", ""));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /**
     * The fit's status once it has gone {@code millis} without changing (a run publishes a frame every
     * 50 ms): the first quiet spell after the pause, waited for as a condition; fails if the run never
     * goes quiet.
     */
    private String statusOnceQuietFor(int millis) {
        for (int changes = 0; ; changes++) {
            String seen = page.locator("#fit-status").textContent();
            try {
                page.waitForFunction("t => document.querySelector('#fit-status').textContent !== t", seen,
                        new Page.WaitForFunctionOptions().setTimeout(millis));
            } catch (TimeoutError quiet) {
                return seen;
            }
            assertThat(changes).as("frames shown after the pause").isLessThan(20);
        }
    }

    @Test
    void a_fit_plays_pauses_steps_and_compares_two_optimisers() {
        open();
        assertThat(page.locator("#fit-status").textContent()).contains(spanish("descent.atStep", 0, "").substring(0, 6));
        page.locator("#fit-play").click();
        page.waitForFunction("() => /\\b([2-9]\\d|\\d{3,})\\b/.test(document.querySelector('#fit-status').textContent)");
        page.locator("#fit-pause").click();
        Settle.server(page);   // the server has run the pause; a frame already under way may still arrive
        String quiet = statusOnceQuietFor(300);
        long paused = step();
        assertThatThrownBy(() -> page.waitForFunction("t => document.querySelector('#fit-status').textContent !== t", quiet,
                new Page.WaitForFunctionOptions().setTimeout(300)))
                .as("no steps while paused").isInstanceOf(TimeoutError.class);
        page.locator("#fit-step").click();
        page.waitForFunction("n => document.querySelector('#fit-status').textContent.includes('" + spanish("descent.atStep", "", "").substring(0, 5) + "' + n + ',')",
                (int) (paused + 1));
        // 40 data dots and the 101-point curve on the fit chart
        assertThat(page.locator("#fit-chart").getAttribute("data-points")).isEqualTo("141");
        screenshot(page, "descent-fit");

        new TrainingPage(page).choose("fit-b-optimizer", spanish("descent.optimizer.sgd"));
        page.locator("#fit-reset").click();
        page.waitForFunction("() => document.querySelector('#fit-status').textContent.includes(' · ')");
        page.locator("#fit-play").click();
        page.waitForFunction("() => (document.querySelector('#fit-status').textContent.match(/\\d{2,}/g) || []).length >= 2");
        assertThat(page.locator("#fit-status").textContent()).contains("SGD");
        screenshot(page, "descent-compare");
    }

    @Test
    void a_click_on_the_surface_starts_the_trajectories_there() {
        open();
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText(spanish("descent.tab.surface"))).click();
        Locator picture = page.locator("#surface-picture");
        picture.waitFor();
        page.waitForFunction("() => document.querySelector('#surface-picture').src.startsWith('data:image/png')");
        String before = page.locator("#surface-status").textContent();
        picture.click(new Locator.ClickOptions().setPosition(new Position(105, 210)));
        page.waitForFunction("t => document.querySelector('#surface-status').textContent !== t", before);
        // a point in Spanish: decimal commas, so its coordinates are separated by "; " (Numbers.decimal)
        Matcher start = Pattern.compile("\\((-?[\\d.,]+); (-?[\\d.,]+)\\)").matcher(page.locator("#surface-status").textContent());
        assertThat(start.find()).isTrue();
        // the double well spans w₁ ∈ [−2, 2.5], w₂ ∈ [−1.5, 1.5] over 420 px: (105, 210) is (−0.875, 0)
        assertThat(RepresentationLessonIT.spanishNumber(start.group(1))).isCloseTo(-0.875, within(0.03));
        assertThat(RepresentationLessonIT.spanishNumber(start.group(2))).isCloseTo(0.0, within(0.03));
        screenshot(page, "descent-surface");
    }

    @Test
    void the_width_sweep_shows_one_final_loss_per_width_and_bad_steps_get_a_reason() {
        TrainingPage form = open();
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText(spanish("descent.tab.width"))).click();
        form.type("sweep-steps", "10000000");
        page.locator("#sweep-run").click();
        page.waitForFunction("t => [...document.querySelectorAll('vaadin-notification-card')].some(c => c.textContent === t)",
                spanish("descent.error.steps", 1, DescentService.MAX_SWEEP_STEPS));
        form.type("sweep-steps", "200");
        page.locator("#sweep-run").click();
        page.waitForFunction("() => document.querySelector('#sweep-chart') && document.querySelector('#sweep-chart').getAttribute('data-points') === '7'",
                null, new Page.WaitForFunctionOptions().setTimeout(120_000));
        screenshot(page, "descent-width");
        // a long sweep shows its progress and a cancel button; cancelled, the page is ready for the next one
        form.type("sweep-steps", Integer.toString(DescentService.MAX_SWEEP_STEPS));
        page.locator("#sweep-run").click();
        page.locator("#sweep-cancel").click();
        page.locator("#sweep-run:not([disabled])").waitFor();
        assertThat(page.locator("#sweep-cancel").isVisible()).isFalse();
        assertThat(page.locator("#sweep-progress").isVisible()).isFalse();
        assertThat(page.locator("#sweep-chart").getAttribute("data-points")).as("the last finished sweep stays").isEqualTo("7");
    }
}
