package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.base.Lesson;
import org.junit.jupiter.api.Test;

/** The home page numbers the lessons in the lecture's order and has one clear first step; the menu's titles are never cut. */
class HomePageIT extends BrowserTest {

    @Test
    void the_lessons_are_numbered_in_the_lecture_s_order_and_start_here_opens_the_first() {
        page.navigate(baseUrl());
        page.locator(".lesson-card").first().waitFor();
        List<Lesson> lessons = Arrays.asList(Lesson.values());
        assertThat(page.locator(".lesson-number").allTextContents())
                .containsExactlyElementsOf(lessons.stream().map(l -> Integer.toString(l.number())).toList());
        assertThat(page.locator(".lesson-card h3 a").allTextContents())
                .containsExactlyElementsOf(lessons.stream().map(l -> spanish(l.titleKey())).toList());
        // every title in the menu is there whole: numbered, and inside its item (a long one wraps)
        assertThat(page.locator("#lesson-nav .nav-label").allTextContents())
                .containsExactlyElementsOf(lessons.stream().map(l -> l.number() + ". " + spanish(l.titleKey())).toList());
        Object cut = page.evaluate("() => [...document.querySelectorAll('#lesson-nav .nav-label')].filter(l => {"
                + " const item = l.closest('vaadin-side-nav-item').getBoundingClientRect(); const r = l.getBoundingClientRect();"
                + " return r.right > item.right + 0.5 || r.width < 1; }).map(l => l.textContent)");
        assertThat((List<?>) cut).as("menu titles that do not fit their item").isEmpty();
        screenshot(page, "home");
        String first = spanish(lessons.getFirst().titleKey());
        assertThat(page.locator("#home-start").textContent()).isEqualTo(spanish("home.start", 1, first));
        page.locator("#home-start").click();
        page.waitForURL("**/" + lessons.getFirst().path());
        page.waitForFunction("t => document.querySelector('h1') && document.querySelector('h1').textContent === t", first);
    }

    @Test
    void on_a_phone_nothing_on_the_home_page_is_wider_than_the_screen() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setHasTouch(true).setIsMobile(true))) {
            Page p = phone.newPage();
            p.navigate(baseUrl());
            p.locator(".lesson-card").first().waitFor();
            assertThat((Boolean) p.evaluate("() => document.scrollingElement.scrollWidth <= window.innerWidth")).as("no sideways scroll").isTrue();
            assertThat(p.locator("#home-start").boundingBox().height).as("the first step is a touch target").isGreaterThanOrEqualTo(44);
            screenshot(p, "home-phone");
        }
    }
}
