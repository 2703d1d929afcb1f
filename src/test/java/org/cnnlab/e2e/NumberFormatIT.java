package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cnnlab.base.Translations;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.e2e.pages.Settle;
import org.junit.jupiter.api.Test;

/**
 * Every lesson page, in Spanish and in English, shows its numbers in that language's format only
 * (Spanish 19.267.712 and 0,01; English 19,267,712 and 0.01), its charts and number grids are told
 * the page's language, and no enum name ("SMALL_CNN") reaches the screen. Read from what a student
 * sees: {@code document.body.innerText} plus the shadow roots of our number grids and confusion
 * matrices, after the page's default content is shown.
 *
 * <p>Some numbers are ambiguous on their own and are not judged: one group of three after the
 * other language's mark ("1,330" is 1.33 with three decimals in Spanish and 1330 in English;
 * "1.330" the converse). Everything else the other language would write is: two or more groups of
 * three, a decimal with one, two or four or more digits, a zero before the mark, a percentage.
 */
class NumberFormatIT extends BrowserTest {

    /** A lesson page and what shows that its default content is there (a selector; the heading at least). */
    record Lesson(String path, String ready) {
    }

    static final List<Lesson> LESSONS = List.of(
            new Lesson("", "h1"),
            new Lesson("descenso", "#fit-chart[data-points]"),
            new Lesson("representacion", "h1"),
            new Lesson("convolucion", "#feature-map-0"),
            new Lesson("red", "h1"),
            new Lesson("entrenar", "h1"),
            new Lesson("interior", "#inspect-model"));
    // the class dashboard (/clase) needs an instructor's login and a class: left to ClassServerIT

    /**
     * Text that is not a number shown to a student in the page's language, removed before judging;
     * each with why.
     */
    static final List<Pattern> NOT_NUMBERS = List.of(
            // indices and shapes in formulas: F[3,4], f_R[0,1], [1, 28, 28] (a position, not a decimal)
            Pattern.compile("\\[[^\\]\\n]*\\]"),
            // versions (v1.2.3) and dates (26.11.2025, 26/11/2025): not quantities
            Pattern.compile("\\b[vV]\\d+(?:\\.\\d+)+\\b"),
            Pattern.compile("\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b"),
            // clock times and durations (12:05)
            Pattern.compile("\\b\\d{1,2}:\\d{2}(?::\\d{2})?\\b"));

    /** Elements whose text is not the page's language: generated code stays Locale.ROOT on purpose (PyTorch, DJL). */
    static final String EXCLUDED = "#code-pytorch, #code-djl, pre, code, textarea";

    /** Numbers an English page writes and a Spanish one never does. */
    static final List<Pattern> ENGLISH_ONLY = List.of(
            Pattern.compile("\\b\\d{1,3}(?:,\\d{3}){2,}\\b"),            // 19,267,712
            Pattern.compile("\\b\\d{1,3}(?:,\\d{3})+\\.\\d+\\b"),        // 61,504.0
            Pattern.compile("\\b0\\.\\d+\\b"),                          // 0.01
            Pattern.compile("\\b\\d+\\.(?:\\d{1,2}|\\d{4,})\\b"),         // 0.96, 2.5, 0.12345
            Pattern.compile("\\b\\d+\\.\\d+%"));                        // 12.3%

    /** Numbers a Spanish page writes and an English one never does. */
    static final List<Pattern> SPANISH_ONLY = List.of(
            Pattern.compile("\\b\\d{1,3}(?:\\.\\d{3}){2,}\\b"),          // 19.267.712
            Pattern.compile("\\b\\d{1,3}(?:\\.\\d{3})+,\\d+\\b"),        // 61.504,0
            Pattern.compile("\\b0,\\d+\\b"),                            // 0,01
            Pattern.compile("\\b\\d+,(?:\\d{1,2}|\\d{4,})\\b"),           // 0,96, 2,5
            Pattern.compile("\\b\\d+,\\d+\\s?%"));                      // 12,3 %

    /** An enum constant's name: SMALL_CNN, SHORTCUT_BIASED. */
    static final Pattern ENUM_NAME = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b");

    private static final String VISIBLE_TEXT = """
            excluded => {
              const parts = [document.body.innerText];
              // our Lit components draw their numbers in a shadow root, which innerText does not enter
              for (const e of document.querySelectorAll('number-grid')) {
                if (e.shadowRoot && e.checkVisibility()) parts.push(e.shadowRoot.textContent);
              }
              let text = parts.join('\\n');
              for (const e of document.querySelectorAll(excluded)) {
                const t = e.innerText || e.value || '';
                if (t) text = text.split(t).join(' ');
              }
              return text;
            }
            """;

    @Test
    void spanish_pages_show_spanish_numbers_only() {
        assertThat(violations(Translations.SPANISH, ENGLISH_ONLY)).isEmpty();
    }

    @Test
    void english_pages_show_english_numbers_only() {
        page.navigate(baseUrl());
        page.locator("h1").first().waitFor();
        String before = page.locator("h1").first().textContent();
        page.locator("#language-switch").click();   // reloads the page in English; the session keeps the language
        page.waitForFunction("t => { const h = document.querySelector('h1'); return h !== null && h.textContent !== t; }", before);
        assertThat(violations(Translations.ENGLISH, SPANISH_ONLY)).isEmpty();
    }

    @Test
    void the_judge_catches_the_other_languages_numbers_and_lets_the_right_ones_through() {
        Numbers es = Numbers.of(Translations.SPANISH);
        Numbers en = Numbers.of(Translations.ENGLISH);
        String spanish = "paso " + es.integer(1330) + ", η=" + es.upTo(0.01, 3) + ", " + es.integer(19_267_712) + ", " + es.percent(0.123, 1)
                + ", " + es.size(61_504 * 1024.0) + ", F[3,4]";
        String english = "step " + en.integer(1330) + ", η=" + en.upTo(0.01, 3) + ", " + en.integer(19_267_712) + ", " + en.percent(0.123, 1)
                + ", " + en.size(61_504 * 1024.0) + ", F[3,4]";
        assertThat(matches(spanish, ENGLISH_ONLY)).isEmpty();
        assertThat(matches(english, SPANISH_ONLY)).isEmpty();
        assertThat(matches(english, ENGLISH_ONLY)).contains("19,267,712", "0.01", "60.1", "12.3%");
        assertThat(matches(spanish, SPANISH_ONLY)).contains("19.267.712", "0,01", "60,1");
        assertThat(ENUM_NAME.matcher("#3 · SHORTCUT_BIASED · shapes").find()).isTrue();
    }

    /** Opens each lesson in the session's language and lists what it shows in the wrong format. */
    private List<String> violations(Locale language, List<Pattern> wrong) {
        List<String> found = new ArrayList<>();
        String tag = language.toLanguageTag();
        for (Lesson l : LESSONS) {
            page.navigate(baseUrl() + l.path());
            page.locator(l.ready()).first().waitFor();
            Settle.server(page);
            String text = withoutNonNumbers((String) page.evaluate(VISIBLE_TEXT, EXCLUDED));
            for (Pattern p : wrong) {
                Matcher m = p.matcher(text);
                while (m.find()) {
                    String around = text.substring(Math.max(0, m.start() - 30), Math.min(text.length(), m.end() + 30)).replace('\n', ' ');
                    found.add("/" + l.path() + " (" + tag + "): " + m.group() + " in «" + around + "»");
                }
            }
            Matcher e = ENUM_NAME.matcher(text);
            while (e.find()) found.add("/" + l.path() + " (" + tag + "): enum name " + e.group());
            // charts and grids are told the page's language (their ticks are drawn on a canvas innerText cannot read)
            @SuppressWarnings("unchecked")
            List<String> locales = (List<String>) page.evaluate("() => [...document.querySelectorAll('learning-curves, number-grid')].filter(e => e.checkVisibility()).map(e => e.locale)");
            for (String loc : locales) if (!tag.equals(loc)) found.add("/" + l.path() + " (" + tag + "): a chart or grid in locale " + loc);
            screenshot(page, "format-" + (l.path().isEmpty() ? "home" : l.path()) + "-" + tag);
        }
        return found;
    }

    private static String withoutNonNumbers(String text) {
        for (Pattern p : NOT_NUMBERS) text = p.matcher(text).replaceAll(" ");
        return text;
    }

    /** What of {@code wrong} the text shows once the things that are not numbers are left out. */
    private static List<String> matches(String raw, List<Pattern> wrong) {
        String text = withoutNonNumbers(raw);
        List<String> found = new ArrayList<>();
        for (Pattern p : wrong) {
            Matcher m = p.matcher(text);
            while (m.find()) found.add(m.group());
        }
        return found;
    }
}
