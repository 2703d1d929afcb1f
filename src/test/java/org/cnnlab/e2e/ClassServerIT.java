package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.cnnlab.base.AnonymousLimits;
import org.cnnlab.base.StudentId;
import org.cnnlab.classroom.TinyRuns;
import org.cnnlab.e2e.pages.ClassPages;
import org.cnnlab.e2e.pages.Pick;
import org.cnnlab.e2e.pages.PlaygroundPage;
import org.cnnlab.e2e.pages.Settle;
import org.cnnlab.e2e.pages.TrainingPage;
import org.cnnlab.models.ModelStore;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A class in several browsers at once: the instructor logs in and opens a session, three students
 * join by its code, and everything the instructor does reaches each student's page by push.
 */
@TestPropertySource(properties = {"cnnlab.classroom.instructor-password=" + ClassServerIT.PASSWORD,
        // a slower join bucket than the default 120 a minute, so that browsers, slower than a script, still
        // empty it within 30 wrong codes (ClassroomContract checks the defaults: 25 in, 30 wrong codes throttled)
        "cnnlab.classroom.join-attempts-per-minute=30"})
class ClassServerIT extends BrowserTest {
    static final String PASSWORD = "class-server-it-password";

    private final List<BrowserContext> students = new ArrayList<>();
    @Autowired JdbcClient db;
    @Autowired TrainingService training;
    @Autowired ModelStore models;
    @Autowired AnonymousLimits anonymousLimits;

    private ClassPages.Student student(String code, String nickname) {
        BrowserContext c = newContext();
        students.add(c);
        return new ClassPages.Student(c.newPage()).join(baseUrl(), code, nickname);
    }

    /** A Vaadin notification card showing this text (cards live in the overlay, not under the notification's id). */
    private static Locator notification(Page on, String text) {
        return on.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(text)).first();
    }

    @AfterEach
    void closeStudents() {
        students.forEach(BrowserContext::close);
    }

    @Test
    void an_instructor_teaches_three_students_by_push() throws Exception {
        page.navigate(baseUrl() + "clase");
        page.locator("input[name='username']").waitFor();
        screenshot(page, "class-00-login");
        ClassPages.Dashboard dashboard = new ClassPages.Dashboard(page).login(baseUrl(), "profesor", PASSWORD);
        String session = "Clase " + UUID.randomUUID().toString().substring(0, 6);
        String code = dashboard.createSession(session);
        assertThat(code).matches("[A-Z2-9]{6}");
        screenshot(page, "class-01-dashboard-new-session");

        List<ClassPages.Student> three = List.of(student(code, "Ana"), student(code, "Beto"), student(code, "Caro"));
        screenshot(three.get(0).page(), "class-02-student-joined");
        for (String nick : List.of("Ana", "Beto", "Caro")) {
            dashboard.roster().filter(new Locator.FilterOptions().setHasText(nick)).waitFor();
        }
        List<PlaygroundPage> playgrounds = three.stream().map(s -> new PlaygroundPage(s.page()).open(baseUrl())).toList();

        // a kernel for everyone: each playground shows the lecture's Sobel f1 without a click of its own
        dashboard.choose("push-kernel-preset", spanish("preset.sobel_f1"));
        long pushed = System.nanoTime();
        page.locator("#push-kernel").click();
        List<Long> shownAfter = new ArrayList<>();
        for (PlaygroundPage p : playgrounds) {
            notification(p.page(), spanish("class.kernelReceived", spanish("preset.sobel_f1"))).waitFor();
            shownAfter.add((System.nanoTime() - pushed) / 1_000_000);   // an upper bound: the pages are checked one after another
            p.page().waitForCondition(() -> "-2".equals(p.kernelCell(1).inputValue()));
            assertThat(List.of(p.kernelCell(0).inputValue(), p.kernelCell(4).inputValue(), p.kernelCell(7).inputValue()))
                    .containsExactly("-1", "0", "2");
        }
        System.out.println("push → kernel shown on each student's page (click to visible, upper bounds), ms: " + shownAfter);
        screenshot(playgrounds.get(1).page(), "class-03-student-kernel-pushed");
        // an image for everyone: the checkerboard replaces each input, the pushed kernel stays
        dashboard.pushChoice("push-image-choice", spanish("sample.checkerboard"), "push-image");
        for (PlaygroundPage p : playgrounds) {
            p.page().waitForCondition(() -> !p.inputInfo().contains("7×9"));   // no longer the lecture's 7×9 matrix
            assertThat(p.kernelCell(1).inputValue()).isEqualTo("-2");
        }

        // pause: a message on every page, and the page behind it takes no input
        dashboard.pause("Mirada al frente, por favor");
        for (ClassPages.Student s : three) s.dialogWith("Mirada al frente").waitFor();
        screenshot(three.get(2).page(), "class-04-student-paused");
        String mapBefore = playgrounds.get(0).featureMapSource();
        assertThatThrownBy(() -> playgrounds.get(0).page().locator("#kernel-preset").click(new Locator.ClickOptions().setTimeout(1500)))
                .isInstanceOf(TimeoutError.class);
        assertThat(playgrounds.get(0).featureMapSource()).isEqualTo(mapBefore);
        dashboard.resume();
        for (ClassPages.Student s : three) s.dialogWith("Mirada al frente").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.HIDDEN));

        // a poll: each answers, the instructor sees the distribution
        dashboard.openPoll("¿Cuántas imágenes obtenemos?", "1\n4\n9");
        three.get(0).answerPoll("1");
        three.get(1).answerPoll("1");
        screenshot(three.get(1).page(), "class-05-student-poll");
        three.get(2).answerPoll("9");
        dashboard.pollResults().filter(new Locator.FilterOptions().setHasText(spanish("class.poll.answers", 3))).waitFor();
        assertThat(dashboard.pollResults().textContent()).contains("1: 2").contains("4: 0").contains("9: 1");
        screenshot(page, "class-06-dashboard-poll-results");

        // the gallery: Beto shares his kernel; the projected gallery is anonymous
        playgrounds.get(1).page().locator(".share-button").click();
        notification(playgrounds.get(1).page(), spanish("class.shared")).waitFor();
        dashboard.gallery().filter(new Locator.FilterOptions().setHasText("Beto")).waitFor();
        dashboard.toggleAnonymous();
        dashboard.gallery().filter(new Locator.FilterOptions().setHasText("#1")).waitFor();
        assertThat(dashboard.gallery().textContent()).doesNotContain("Beto");
        Page projection = page.context().newPage();
        projection.navigate(baseUrl() + "clase/galeria");
        Pick.byLabel(projection.locator("#gallery-session"), session);
        projection.locator("#gallery-entries .gallery-entry").first().waitFor();
        assertThat(projection.locator("#gallery-entries").textContent()).contains("#1").doesNotContain("Beto");
        screenshot(projection, "class-07-gallery-projected");

        // a refresh, and a lost session, bring Ana back as Ana with her kernel
        Page ana = three.get(0).page();
        ana.reload();
        three.get(0).classBar().filter(new Locator.FilterOptions().setHasText("Ana")).waitFor();
        BrowserContext anaContext = ana.context();
        List<Cookie> kept = anaContext.cookies().stream().filter(c -> !c.name.equals("JSESSIONID")).toList();
        assertThat(kept).anyMatch(c -> c.name.equals("cnnlab-rejoin") && c.httpOnly);
        anaContext.clearCookies();
        anaContext.addCookies(kept);
        PlaygroundPage anaAgain = new PlaygroundPage(ana).open(baseUrl());
        three.get(0).classBar().filter(new Locator.FilterOptions().setHasText("Ana")).waitFor();
        assertThat(anaAgain.kernelCell(1).inputValue()).isEqualTo("-2");

        // a student cannot open the dashboard
        ana.navigate(baseUrl() + "clase");
        ana.waitForURL("**/login");
        screenshot(ana, "class-08-student-sent-to-login");

        // Caro has a saved model (trained and saved for her here, to keep the test short) and sees it on her training page
        StudentId caroId = new StudentId(db.sql("select s.id from student s join class_session c on c.id = s.class_id"
                + " where c.join_code = ? and s.nickname = 'Caro'").param(code).query(String.class).single());
        var run = TinyRuns.train(training, caroId);
        models.save(caroId, training.trained(caroId, run.jobId()).orElseThrow(), "modelo de Caro");
        Page caro = three.get(2).page();
        Locator caroModel = caro.locator("#models-list .model-name").filter(new Locator.FilterOptions().setHasText("modelo de Caro"));
        caro.navigate(baseUrl() + "entrenar");
        caroModel.waitFor();

        // the instructor removes Caro (the third row's ✕, labelled "Quitar"): her page leaves the class, the roster has two
        page.navigate(baseUrl() + "clase");
        Locator remove = page.locator("#roster-grid .roster-remove");
        remove.nth(2).waitFor();
        assertThat(remove.nth(2).getAttribute("aria-label")).isEqualTo(spanish("class.roster.remove"));
        Settle.overlays(page);
        page.locator("#roster-panel").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("class-09-dashboard-roster.png")));
        remove.nth(2).click();
        three.get(2).page().locator("#class-bar").filter(new Locator.FilterOptions().setHasText("Caro"))
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        page.locator("#roster-panel h2").filter(new Locator.FilterOptions().setHasText(spanish("class.roster.heading", 2, 0).split("\\(")[0])).waitFor();

        // Caro is signed out of her class identity: her pages are a new anonymous student's, who does not
        // see her saved model (it stays on the server, for the instructor), and her cookie does not bring her back
        caro.navigate(baseUrl() + "entrenar");
        caro.locator("#models-list").waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        assertThat(caroModel.count()).isZero();   // the list comes with the page, in the same response
        assertThat(caro.locator("#class-bar").textContent()).doesNotContain("Caro");
        page.locator("#saved-work-refresh").click();
        page.locator("#saved-work-grid").filter(new Locator.FilterOptions().setHasText("modelo de Caro")).waitFor();
        // she cannot join again as Caro until the instructor allows her back, on the removed list
        caro.navigate(baseUrl() + "unirse?codigo=" + code);
        caro.locator("#join-nickname input").fill("Caro");
        caro.locator("#join-submit").click();
        notification(caro, spanish("class.join.removed", "Caro")).waitFor();
        Locator allow = page.locator("#removed-grid .removed-allow").first();
        assertThat(allow.getAttribute("aria-label")).isEqualTo(spanish("class.removed.allow"));
        allow.click();
        page.locator("#removed-grid .removed-allow").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.DETACHED));
        new ClassPages.Student(caro).join(baseUrl(), code, "Caro");
        page.locator("#roster-panel h2").filter(new Locator.FilterOptions().setHasText(spanish("class.roster.heading", 3, 0).split("\\(")[0])).waitFor();
    }

    /**
     * "Class members only": the instructor ticks it on the dashboard; a browser that has not joined
     * reads the training page but is refused a run with the message that says where to join, while a
     * student who joined trains.
     */
    @Test
    void with_class_members_only_an_anonymous_browser_is_told_to_join_while_a_joined_student_trains() {
        ClassPages.Dashboard dashboard = new ClassPages.Dashboard(page).login(baseUrl(), "profesor", PASSWORD);
        String code = dashboard.createSession("Solo miembros " + UUID.randomUUID().toString().substring(0, 6));
        BooleanSupplier membersOnly = () -> db.sql("select members_only from class_session where join_code = ?")
                .param(code).query(Boolean.class).single();
        try {
            assertThat(page.locator("#members-only").textContent()).contains(spanish("class.session.membersOnly"));
            page.locator("#members-only").click();
            page.waitForCondition(membersOnly);
            page.locator("#members-only[checked]").waitFor();   // the panel shown again from the saved session
            screenshot(page, "class-10-dashboard-members-only");

            BrowserContext anonymous = newContext();
            students.add(anonymous);
            TrainingPage stranger = new TrainingPage(anonymous.newPage()).open(baseUrl());
            stranger.page().locator("#train-start").click();
            notification(stranger.page(), spanish("class.membersOnly.join")).waitFor();
            screenshot(stranger.page(), "class-11-anonymous-refused-training");
            assertThat(training.queue()).noneMatch(e -> e.state() == TrainingProgress.State.QUEUED);

            TrainingPage ana = new TrainingPage(student(code, "Ana").page()).open(baseUrl());
            ana.type("train-per-class", "20");
            ana.page().waitForFunction("() => document.querySelector('#dataset-counts').textContent.includes(': 20')");
            ana.type("train-epochs", "1");
            ana.page().locator("#train-start").click();
            ana.page().waitForFunction("() => (document.querySelector('#train-status')?.textContent ?? '').startsWith('"
                    + spanish("training.status.done", "").substring(0, 5) + "')", null,
                    new Page.WaitForFunctionOptions().setTimeout(120_000));
            assertThat(ana.page().locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                    .setHasText(spanish("class.membersOnly.join"))).count()).isZero();
        } finally {
            db.sql("update class_session set members_only = false where join_code = ?").param(code).update();   // the other tests' students
        }
    }

    /**
     * Browsers that have not joined a class share their network address's training jobs (here all
     * come from 127.0.0.1): with the queue held, two anonymous browsers' runs wait, the third is told
     * that this network has its runs and to join for a turn of its own.
     */
    @Test
    void anonymous_browsers_behind_one_address_share_its_training_jobs() {
        int cap = anonymousLimits.maxQueuedPerAddress();
        List<TrainingPage> hall = new ArrayList<>();
        for (int i = 0; i <= cap; i++) {
            BrowserContext c = newContext();
            students.add(c);
            hall.add(new TrainingPage(c.newPage()).open(baseUrl()));
        }
        training.holdQueue(true);   // the runs wait, so they count
        try {
            for (TrainingPage p : hall.subList(0, cap)) {
                p.page().locator("#train-start").click();
                p.page().locator("#train-stop:not([disabled])").waitFor();   // queued: it can be stopped
            }
            TrainingPage third = hall.get(cap);
            third.page().locator("#train-start").click();
            notification(third.page(), spanish("training.error.busyAddress", cap)).waitFor();
            screenshot(third.page(), "class-12-anonymous-address-busy");
        } finally {
            training.cancelAll();
            training.holdQueue(false);
        }
    }

    /**
     * A lecture hall behind one address, reached through a hop the app does not trust (a relay whose
     * connections come from 127.0.0.2): the students all get in, and wrong codes sent with made-up
     * X-Forwarded-For headers, one per browser, are still counted against that one address.
     */
    @Test
    void joins_are_throttled_by_the_connecting_address_whatever_x_forwarded_for_says() throws Exception {
        new ClassPages.Dashboard(page).login(baseUrl(), "profesor", PASSWORD);
        String code = new ClassPages.Dashboard(page).createSession("NAT " + UUID.randomUUID().toString().substring(0, 6));
        try (DelayProxy hall = new DelayProxy(port, 0, InetAddress.getByName("127.0.0.2"))) {
            String through = "http://127.0.0.1:" + hall.port() + "/";
            for (int i = 0; i < 5; i++) {
                BrowserContext c = spoofing("198.51.100." + (10 + i));
                new ClassPages.Student(c.newPage()).join(through, code, "Aula " + i);
            }
            int attempts = 0;
            boolean throttled = false;
            for (int bot = 0; bot < 3 && !throttled; bot++) {
                Page p = spoofing("203.0.113." + (10 + bot)).newPage();
                p.navigate(through + "unirse");
                p.waitForLoadState(LoadState.NETWORKIDLE);
                // every notification card the page shows, in order (each attempt adds one; they fade after a few seconds)
                p.evaluate("() => { window.cards = []; const seen = new WeakSet(); new MutationObserver(() =>"
                        + " document.querySelectorAll('vaadin-notification-card').forEach(c => { if (!seen.has(c)) { seen.add(c); window.cards.push(c); } }))"
                        + ".observe(document.body, {childList: true, subtree: true}); }");
                p.locator("#join-nickname input").fill("Bot " + bot);
                for (int i = 0; i < 10 && !throttled; i++, attempts++) {
                    p.locator("#join-code input").fill("ZZZZZ" + (char) ('A' + i));
                    p.locator("#join-submit").click();
                    p.waitForFunction("n => window.cards.length > n && window.cards[n].textContent.trim() !== ''", i);
                    String said = (String) p.evaluate("n => window.cards[n].textContent", i);
                    throttled = said.contains(spanish("class.join.wait", 1).split("\\d")[0].strip());
                    if (!throttled) assertThat(said).contains(spanish("class.join.badCode"));
                }
            }
            assertThat(throttled).as("wrong codes throttled within 30 attempts from one address (as three addresses, 10 each, they would not be)").isTrue();
            System.out.println("wrong codes through one address before the throttle: " + attempts);
        }
        page.locator("#roster-panel h2").filter(new Locator.FilterOptions().setHasText(spanish("class.roster.heading", 5, 5).split("\\(")[0])).waitFor();
    }

    /** A browser context whose every request says it was forwarded for {@code address}. */
    private BrowserContext spoofing(String address) {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", address)));
        students.add(c);
        return c;
    }

    @Test
    void a_page_without_websocket_gets_every_push_by_long_polling() {
        ClassPages.Dashboard dashboard = new ClassPages.Dashboard(page).login(baseUrl(), "profesor", PASSWORD);
        String code = dashboard.createSession("Sin WebSocket " + UUID.randomUUID().toString().substring(0, 6));
        BrowserContext noSockets = newContext();
        students.add(noSockets);
        noSockets.addInitScript("delete window.WebSocket; window.WebSocket = undefined;");
        // the long polls the page has open (the GETs that wait for a push), by when they opened on the test's clock
        Map<Request, Long> polls = new ConcurrentHashMap<>();
        Predicate<Request> longPoll = r -> r.method().equals("GET")
                && r.url().contains("X-Atmosphere-Transport=long-polling");
        noSockets.onRequest(r -> {
            if (longPoll.test(r)) polls.put(r, System.nanoTime());
        });
        noSockets.onRequestFinished(polls::remove);
        noSockets.onRequestFailed(polls::remove);
        Page dani = new ClassPages.Student(noSockets.newPage()).join(baseUrl(), code, "Dani").page();
        PlaygroundPage playground = new PlaygroundPage(dani).open(baseUrl());
        // the page notes, by its own clock, when the centre cell changes to what was pushed
        dani.evaluate("() => { window.centre = null; window.changedAt = 0; setInterval(() => { const g = document.querySelector('#kernel-grid');"
                + " const c = g && g.shadowRoot && g.shadowRoot.querySelector('#cell-4'); if (c && c.value !== window.centre)"
                + " { window.centre = c.value; window.changedAt = Date.now(); } }, 5); }");
        List<Double> after = new ArrayList<>();
        String[][] pushes = {{"preset.outline", "8"}, {"preset.sharpen", "5"}, {"preset.identity", "1"}};
        for (int i = 0; i < 9; i++) {
            String[] push = pushes[i % 3];
            dashboard.choose("push-kernel-preset", spanish(push[0]));
            // each push lands at its own point of the long-polling cycle: 0.3, 1 or 1.7 s into an open poll (they last 2 s)
            long into = (300 + 700 * (i % 3)) * 1_000_000L;
            dani.waitForCondition(() -> polls.values().stream().anyMatch(opened -> System.nanoTime() - opened >= into),
                    new Page.WaitForConditionOptions().setTimeout(30_000));
            double clicked = ((Number) page.evaluate("() => Date.now()")).doubleValue();
            page.locator("#push-kernel").click();
            dani.waitForFunction("v => window.centre === v", push[1], new Page.WaitForFunctionOptions().setTimeout(30_000));
            after.add(((Number) dani.evaluate("() => window.changedAt")).doubleValue() - clicked);
        }
        System.out.println("long polling: push → kernel shown, 9 pushes, ms after the click: " + after);
        assertThat(playground.kernelCell(4).inputValue()).isEqualTo("1");
        assertThat(after).allSatisfy(ms -> assertThat(ms).isLessThan(10_000));
    }

    @Test
    void a_taken_nickname_and_a_wrong_code_get_their_reasons() {
        new ClassPages.Dashboard(page).login(baseUrl(), "profesor", PASSWORD);
        String code = new ClassPages.Dashboard(page).createSession("Clase " + UUID.randomUUID().toString().substring(0, 6));
        student(code, "Dora");
        BrowserContext other = newContext();
        students.add(other);
        Page p = other.newPage();
        p.navigate(baseUrl() + "unirse?codigo=" + code);
        p.locator("#join-nickname input").fill("Dora");
        p.locator("#join-submit").click();
        notification(p, spanish("class.join.taken", "Dora")).waitFor();
        p.locator("#join-code input").fill("ZZZZZZ");
        p.locator("#join-nickname input").fill("Eli");
        p.locator("#join-submit").click();
        notification(p, spanish("class.join.badCode")).waitFor();
        screenshot(p, "class-09-join-refused");
        // where the login throttle sends a refused login (LoginSecurityIT tests the throttle): it says when to retry
        p.navigate(baseUrl() + "login?throttled=42");
        p.getByText(spanish("class.login.throttled.message", 42)).waitFor();
    }
}
