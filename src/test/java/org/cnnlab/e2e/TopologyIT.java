package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cnnlab.base.Translations;
import org.cnnlab.e2e.pages.ClassPages;
import org.cnnlab.e2e.pages.Pick;
import org.cnnlab.e2e.pages.PlaygroundPage;
import org.cnnlab.e2e.pages.Settle;
import org.cnnlab.e2e.pages.TrainingPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The scale-out topology as {@code deploy/topology.sh} starts it from the jar this build made:
 * Debian's PostgreSQL, nginx running {@code deploy/nginx/cnnlab-nodes.conf}, app nodes app1 and
 * app2, worker node worker1; Chromium reaches the app only through the proxy, on loopback. One
 * class: Ana's browser carries the node cookie of app1, Beto's that of app2. The tests run in order
 * on the same topology, and the last three break it on purpose: a worker shut down mid-training (its
 * job goes on elsewhere), a worker killed mid-training (its job is not tried again), then an app node
 * killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyIT {
    static final String PASSWORD = "topology-it-password";
    static final Path DIR = Path.of("target", "topology");
    static final int PROXY = 18000;
    static final String BASE = "http://127.0.0.1:" + PROXY + "/";
    static final Map<String, String> ENV = Map.of("CNNLAB_TOPOLOGY_DIR", DIR.toAbsolutePath().toString(),
            "CNNLAB_PROXY_PORT", String.valueOf(PROXY), "CNNLAB_APP_PORTS", "18081 18082", "CNNLAB_PG_PORT", "5433", "CNNLAB_PG_DB", "cnnlab_it", "CNNLAB_TOPOLOGY_FRESH", "1",
            "CNNLAB_INSTRUCTOR_PASSWORD", PASSWORD,
            // what the nodes relay, and what each page hears and applies, in the nodes' logs (target/topology/logs)
            "LOGGING_LEVEL_ORG_CNNLAB_CLUSTER", "DEBUG", "LOGGING_LEVEL_ORG_CNNLAB_BASE_UI", "DEBUG");

    static Playwright playwright;
    static Browser browser;
    static final Translations translations = new Translations();
    static final List<BrowserContext> contexts = new ArrayList<>();
    static Page instructor;
    static ClassPages.Dashboard dashboard;
    static ClassPages.Student ana;    // on app1
    static ClassPages.Student beto;   // on app2
    static String code;

    @BeforeAll
    static void startTopology() throws Exception {
        topology("stop");   // what a failed earlier run left behind
        topology("start");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = BrowserTest.launchChromium(playwright);
        instructor = context(null).newPage();
        dashboard = new ClassPages.Dashboard(instructor).login(BASE, "profesor", PASSWORD);
        code = dashboard.createSession("Taller " + UUID.randomUUID().toString().substring(0, 6));
        ana = new ClassPages.Student(context("app1").newPage()).join(BASE, code, "Ana");
        beto = new ClassPages.Student(context("app2").newPage()).join(BASE, code, "Beto");
    }

    @AfterAll
    static void stopTopology() throws Exception {
        contexts.forEach(BrowserContext::close);
        if (browser != null) browser.close();
        if (playwright != null) playwright.close();
        topology("stop");
    }

    @Test
    @Order(1)
    void students_on_two_nodes_get_the_instructors_push_relayed_in_under_half_a_second() throws Exception {
        assertThat(node(ana.page())).isEqualTo("app1");
        assertThat(node(beto.page())).isEqualTo("app2");
        // Dani's browser has no WebSocket (as behind a proxy that refuses the upgrade): push falls back to long polling
        BrowserContext noSockets = context("app2");
        noSockets.addInitScript("delete window.WebSocket; window.WebSocket = undefined;");
        List<String> transports = new CopyOnWriteArrayList<>();
        noSockets.onRequest(r -> {
            Matcher m = Pattern.compile("X-Atmosphere-Transport=([a-z-]+)").matcher(r.url());
            if (m.find()) transports.add(m.group(1));
        });
        ClassPages.Student dani = new ClassPages.Student(noSockets.newPage()).join(BASE, code, "Dani");
        List<Page> students = List.of(ana.page(), beto.page(), dani.page());
        for (Page p : students) {
            new PlaygroundPage(p).open(BASE);
            // the page notes, by its own clock, when the pushed kernel (the outline filter: 8 in the centre) appears
            p.evaluate("() => { window.seenAt = 0; const t = setInterval(() => { const g = document.querySelector('#kernel-grid');"
                    + " const c = g && g.shadowRoot && g.shadowRoot.querySelector('#cell-4');"
                    + " if (c && c.value === '8') { window.seenAt = Date.now(); clearInterval(t); } }, 5); }");
        }
        dashboard.choose("push-kernel-preset", spanish("preset.outline"));
        double clicked = ((Number) instructor.evaluate("() => Date.now()")).doubleValue();
        instructor.locator("#push-kernel").click();
        List<Double> after = new ArrayList<>();
        for (Page p : students) {
            try {
                p.waitForFunction("() => window.seenAt > 0", null, new Page.WaitForFunctionOptions().setTimeout(15_000));
            } catch (PlaywrightException e) {
                throw new AssertionError("the push never showed on " + students.indexOf(p) + " (" + node(p) + ", " + p.url() + "): cell 4 shows "
                        + p.evaluate("() => { const g = document.querySelector('#kernel-grid'); return g && g.shadowRoot"
                        + " ? [g.shadowRoot.querySelector('#cell-4').value, g.acknowledged, g.values] : 'no grid'; }") + "; see the nodes' logs", e);
            }
            after.add(((Number) p.evaluate("() => window.seenAt")).doubleValue() - clicked);
        }
        System.out.println("push → kernel shown, app1, app2 and app2 by long polling (ms after the click at "
                + Instant.ofEpochMilli((long) clicked) + "): " + after);
        assertThat(transports).contains("long-polling").doesNotContain("websocket");
        // the dashboard, on whichever node, sees the three students online
        dashboard.roster().filter(new Locator.FilterOptions().setHasText("Beto")).waitFor();
        instructor.waitForCondition(() -> dashboard.roster().textContent().split(Pattern.quote(spanish("class.roster.online")), -1).length - 1 == 3);
        // What the topology adds is the relay: from the instructor's node committing the event to the other node delivering it
        // (the nodes' DEBUG log lines, one clock). That is what is held to a budget. From the click to the kernel on the page
        // is mostly the click, the instructor's request, each page's convolution and the browser painting, all on the same
        // two cores as four browser pages, four JVMs and PostgreSQL: 0.2–0.4 s on a quiet machine, 0.99 and 1.07 s beside
        // other tests (the relay then took 20 ms of it), so there it is printed and only has to arrive.
        String from = node(instructor);
        String to = from.equals("app1") ? "app2" : "app1";
        Matcher sent = Pattern.compile("^(\\S+) .*Sent #(\\d+): KernelPushed").matcher(logged(from, "Sent #", "KernelPushed"));
        assertThat(sent.find()).isTrue();
        String delivered = logged(to, "Delivering #" + sent.group(2) + " from " + from, "");
        long relayMillis = Duration.between(Instant.parse(sent.group(1)),
                Instant.parse(delivered.substring(0, delivered.indexOf(' ')))).toMillis();
        System.out.printf("the instructor on %s; relay of event #%s to %s: %d ms%n", from, sent.group(2), to, relayMillis);
        assertThat(after.subList(0, 2)).allSatisfy(ms -> assertThat(ms).isLessThan(10_000));   // WebSocket push: it arrives, on both nodes
        assertThat(relayMillis).as("committed on %s → delivered on %s", from, to).isLessThan(500);
        assertThat(after.get(2)).isLessThan(10_000);   // long polling: it arrives (in about 0.5–4 s here), no promise of a second
        dani.page().context().close();
        screenshot(beto.page(), "topology-01-push-on-app2");
        // a pause and a poll reach both nodes too, and the answers from both come back to the dashboard
        dashboard.pause("Mirada al frente");
        for (ClassPages.Student st : List.of(ana, beto)) st.dialogWith("Mirada al frente").waitFor();
        dashboard.resume();
        for (ClassPages.Student st : List.of(ana, beto)) st.dialogWith("Mirada al frente").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.HIDDEN));
        dashboard.openPoll("¿Cuántos mapas salen?", "1\n4");
        ana.answerPoll("4");
        beto.answerPoll("4");
        dashboard.pollResults().filter(new Locator.FilterOptions().setHasText(spanish("class.poll.answers", 2))).waitFor();
        assertThat(dashboard.pollResults().textContent()).contains("4: 2");
        instructor.locator("#poll-results .poll-close").first().click();
        instructor.locator("#poll-results .poll-close").waitFor(new Locator.WaitForOptions()
                .setState(WaitForSelectorState.DETACHED));
    }

    @Test
    @Order(2)
    void jobs_from_both_nodes_train_on_the_worker_and_the_dashboard_lists_them() throws Exception {
        long before = lastTask();
        long idleRss = residentKb("worker1");
        AtomicLong peakRss = new AtomicLong(idleRss);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(residentKb("worker1"), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        List<TrainingPage> pages = List.of(new TrainingPage(ana.page()).open(BASE), new TrainingPage(beto.page()).open(BASE));
        for (TrainingPage t : pages) {
            t.type("train-per-class", "80");
            t.type("train-epochs", "6");
        }
        for (TrainingPage t : pages) t.page().locator("#train-start").click();
        instructor.navigate(BASE + "clase");
        instructor.locator("#queue-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("worker1")).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        screenshot(instructor, "topology-02-dashboard-queue");
        for (TrainingPage t : pages) waitDone(t.page(), 120_000);
        sampler.interrupt();
        System.out.printf("worker1 resident memory: %.0f MB idle, %.0f MB at the peak of two jobs (one at a time)%n",
                idleRss / 1024.0, peakRss.get() / 1024.0);
        assertThat(ana.page().locator("#confusion-matrix td").count()).isEqualTo(25);
        try (Connection db = database();
             ResultSet rs = db.createStatement().executeQuery("select origin, worker, state from training_task where id > " + before)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            assertThat(rows).containsExactlyInAnyOrder("app1 worker1 ENDED", "app2 worker1 ENDED");
        }
        // the roster, on the instructor's node, knows that both finished, whichever node each trained from
        instructor.navigate(BASE + "clase");
        String done = spanish("class.activity.done");
        instructor.waitForCondition(() -> dashboard.roster().textContent().split(Pattern.quote(done), -1).length - 1 == 2,
                new Page.WaitForConditionOptions().setTimeout(15_000));
        // a model saved before the faults below
        pages.getFirst().type("models-name", "antes");
        ana.page().locator("#models-save").click();
        ana.page().locator("#models-list .saved-model").filter(new Locator.FilterOptions().setHasText("antes")).waitFor();
    }

    @Test
    @Order(3)
    void on_a_slow_network_the_playground_answers_each_edit_and_loses_no_input() throws Exception {
        try (DelayProxy slow = new DelayProxy(PROXY, 150)) {
            String base = "http://127.0.0.1:" + slow.port() + "/";
            ClassPages.Student caro = new ClassPages.Student(context("app2").newPage()).join(base, code, "Caro");
            Page p = caro.page();
            double rtt = ((Number) p.evaluate("async () => { const t = performance.now(); await fetch('/favicon.ico', {cache: 'no-store'});"
                    + " return performance.now() - t; }")).doubleValue();
            PlaygroundPage playground = new PlaygroundPage(p).open(base);
            // the page notes, by its own clock, when the map it shows changes (checked every 5 ms)
            p.evaluate("() => { window.mapAt = 0; let last = null; setInterval(() => { const m = document.querySelector('#feature-map-0');"
                    + " const src = m && m.getAttribute('src'); if (src !== last) { last = src; window.mapAt = performance.now(); } }, 5); }");
            List<Double> edits = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String before = playground.featureMapSource();
                double typed = ((Number) p.evaluate("() => performance.now()")).doubleValue();
                playground.kernelCell(i % 9).fill(String.valueOf(i + 3));
                playground.waitForNewMap(before);
                edits.add(((Number) p.evaluate("() => window.mapAt")).doubleValue() - typed);
            }
            List<Double> sorted = edits.stream().sorted().toList();
            double p50 = sorted.get(sorted.size() / 2);
            double p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
            System.out.printf("150 ms RTT (a fetch through it: %.0f ms): kernel edit → new map p50 %.0f ms, p95 %.0f ms%n", rtt, p50, p95);
            assertThat(rtt).isGreaterThanOrEqualTo(150);   // the slow network is really there
            assertThat(p95).isLessThanOrEqualTo(400);
            // bursts of typing, nine cells without waiting: after a reload the server's kernel has every one
            for (int round = 0; round < 3; round++) {
                PlaygroundPage current = new PlaygroundPage(p);
                current.kernelCell(8).waitFor();
                List<String> typed = new ArrayList<>();
                for (int c = 0; c < 9; c++) {
                    typed.add(String.valueOf(10 * round + c + 1));
                    current.kernelCell(c).fill(typed.getLast());
                }
                // the server has answered the grid's last edit and none waits for the debounce (the grid's own bookkeeping)
                p.waitForFunction("() => { const g = document.querySelector('#kernel-grid');"
                        + " return g.timer === undefined && g.sent > 0 && g.acknowledged === g.sent; }");
                p.reload();
                PlaygroundPage reloaded = new PlaygroundPage(p);
                reloaded.kernelCell(8).waitFor();
                List<String> values = new ArrayList<>();
                for (int c = 0; c < 9; c++) values.add(reloaded.kernelCell(c).inputValue());
                assertThat(values).as("round %d", round).isEqualTo(typed);
            }
        }
    }

    @Test
    @Order(4)
    void with_postgresql_down_pages_say_they_are_reconnecting_and_nothing_acknowledged_is_lost() throws Exception {
        Page p = beto.page();
        PlaygroundPage playground = new PlaygroundPage(p).open(BASE);
        playground.typeInKernelCell(0, "7");
        p.locator("#kernel-save-name input").fill("antes de la caída");
        p.locator("#kernel-save").click();
        assertThat(savedKernels(playground, "antes de la caída")).contains("antes de la caída");   // acknowledged: listed
        Locator banner = p.locator("#database-reconnecting");
        assertThat(banner.isVisible()).isFalse();
        topology("stop-db");
        banner.waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        assertThat(banner.textContent()).isEqualTo(spanish("app.database.reconnecting"));
        screenshot(p, "topology-05-database-reconnecting");
        // a save now is refused, and says so: it is not reported as saved
        p.locator("#kernel-save-name input").fill("durante la caída");
        p.locator("#kernel-save").click();
        p.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText(spanish("app.error.database"))).first()
                .waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        topology("start-db");
        banner.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.HIDDEN)
                .setTimeout(30_000));
        // the app recovered without a restart: a save works again, and the save from before the outage is there
        p.locator("#kernel-save-name input").fill("después");
        p.locator("#kernel-save").click();
        assertThat(savedKernels(playground, "después")).contains("antes de la caída", "después").noneMatch(t -> t.contains("durante"));
        p.reload();
        PlaygroundPage again = new PlaygroundPage(p);
        again.kernelCell(0).waitFor();
        again.choose("kernel-saved", "antes de la caída");
        p.waitForCondition(() -> "7".equals(again.kernelCell(0).inputValue()));
    }

    /** The names in the playground's list of saved kernels (read without opening it), once {@code expected} is among them. */
    private static List<String> savedKernels(PlaygroundPage playground, String expected) {
        Locator saved = playground.page().locator("#kernel-saved");
        playground.page().waitForCondition(() -> Pick.labels(saved).contains(expected));
        return Pick.labels(saved);
    }

    @Test
    @Order(5)
    void a_worker_shut_down_mid_training_hands_its_job_back_and_another_finishes_it() throws Exception {
        TrainingPage t = new TrainingPage(ana.page()).open(BASE);
        t.type("train-per-class", "200");
        t.type("train-epochs", "12");
        t.page().locator("#train-start").click();
        long task = waitForRunningTask();
        topology("stop-node", "worker1");   // SIGTERM, as systemd or an operator stops it
        long stopped = System.nanoTime();
        try (Connection db = database();
             ResultSet rs = db.createStatement().executeQuery("select state from training_task where id = " + task)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("handed back before worker1 exited").isEqualTo("QUEUED");
        }
        topology("start-node", "worker2");
        waitDone(ana.page(), 240_000);
        System.out.printf("worker shut down → the run done on worker2 after %.0f s%n", (System.nanoTime() - stopped) / 1e9);
        try (Connection db = database();
             ResultSet rs = db.createStatement().executeQuery("select worker, attempt, state from training_task where id = " + task)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("worker2");
            assertThat(rs.getInt(2)).isEqualTo(2);
            assertThat(rs.getString(3)).isEqualTo("ENDED");
        }
        // the curves started again and ran through: 12 epochs of ⌈800/32⌉ = 25 batches, 12 + 12 epoch points
        assertThat(Integer.parseInt(ana.page().locator("#loss-curves").getAttribute("data-points"))).isEqualTo(12 * 25 + 24);
        ana.page().reload();
        ana.page().locator("#models-list .saved-model").filter(new Locator.FilterOptions().setHasText("antes")).waitFor();
        screenshot(ana.page(), "topology-03-done-after-worker-stopped");
    }

    @Test
    @Order(6)
    void a_job_whose_worker_died_in_the_middle_of_it_fails_and_is_not_tried_on_another() throws Exception {
        topology("start-node", "worker1");   // with worker2: another worker that could take the job over
        TrainingPage t = new TrainingPage(beto.page()).open(BASE);
        t.type("train-per-class", "200");
        t.type("train-epochs", "12");
        t.page().locator("#train-start").click();
        long task = waitForRunningTask();
        String worker;
        try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery("select worker from training_task where id = " + task)) {
            rs.next();
            worker = rs.getString(1);
        }
        topology("kill", worker);   // as the kernel's OOM killer, or the JVM's own exit on OutOfMemoryError, would end it
        long killed = System.nanoTime();
        String died = spanish("training.error.workerDied");
        beto.page().waitForFunction("m => (document.querySelector('#train-status')?.textContent ?? '').includes(m)", died,
                new Page.WaitForFunctionOptions().setTimeout(150_000));
        System.out.printf("%s killed mid-training → the job failed, not retried, after %.0f s%n", worker, (System.nanoTime() - killed) / 1e9);
        try (Connection db = database();
             ResultSet rs = db.createStatement().executeQuery("select worker, attempt, state from training_task where id = " + task)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(worker);
            assertThat(rs.getInt(2)).as("never claimed again").isEqualTo(1);
            assertThat(rs.getString(3)).isEqualTo("ENDED");
        }
        screenshot(beto.page(), "topology-04-failed-after-worker-killed");
    }

    @Test
    @Order(7)
    void an_app_node_killed_sends_its_students_to_the_other_node_with_their_work() throws Exception {
        PlaygroundPage betoPlayground = new PlaygroundPage(beto.page()).open(BASE);
        beto.page().evaluate("() => { window.untouched = true; }");
        new PlaygroundPage(ana.page()).open(BASE);
        topology("kill", "app1");
        // Ana's page loses its node, reloads through the proxy onto app2 and rejoins by her cookie
        ana.page().waitForCondition(() -> "app2".equals(node(ana.page())), new Page.WaitForConditionOptions().setTimeout(90_000));
        ana.classBar().filter(new Locator.FilterOptions().setHasText("Ana")).waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        new TrainingPage(ana.page()).open(BASE);
        ana.page().locator("#models-list .saved-model").filter(new Locator.FilterOptions().setHasText("antes")).waitFor();
        screenshot(ana.page(), "topology-06-ana-on-app2");
        // Beto's page, on app2 all along, was never reloaded and still works
        assertThat(beto.page().evaluate("() => window.untouched === true")).isEqualTo(true);
        betoPlayground.typeInKernelCell(4, "5");
        assertThat(node(beto.page())).isEqualTo("app2");
    }

    // --- helpers ---

    private static void waitDone(Page p, double timeout) {
        p.waitForFunction("() => (document.querySelector('#train-status')?.textContent ?? '').startsWith('"
                + spanish("training.status.done", "").substring(0, 5) + "')", null, new Page.WaitForFunctionOptions().setTimeout(timeout));
    }

    /** The last line of a node's log that contains both texts, once it has been written (10 s at most). */
    private static String logged(String node, String text, String also) throws IOException, InterruptedException {
        Path log = DIR.resolve("logs").resolve(node + ".log");
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                Optional<String> line = lines.filter(l -> l.contains(text) && l.contains(also)).reduce((a, b) -> b);
                if (line.isPresent()) return line.get();
            }
            if (System.currentTimeMillis() > deadline) throw new AssertionError(node + " never logged " + text + " … " + also + " (" + log + ")");
            Thread.sleep(100);
        }
    }

    /** A node's resident memory (VmRSS, kB) by its pid file, or 0 if it is not running. */
    private static long residentKb(String node) {
        try {
            String pid = Files.readString(DIR.resolve("pids").resolve(node + ".pid")).strip();
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("VmRSS:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long lastTask() throws Exception {
        try (Connection db = database(); ResultSet rs = db.createStatement().executeQuery("select coalesce(max(id), 0) from training_task")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The id of the task now training, once it has reported its first epoch. */
    private static long waitForRunningTask() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try (Connection db = database();
                 ResultSet rs = db.createStatement().executeQuery("select id from training_task where state = 'RUNNING' and epoch >= 2")) {
                if (rs.next()) return rs.getLong(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no task started training");
    }

    private static String node(Page p) {
        return p.context().cookies(BASE).stream().filter(c -> c.name.equals("cnnlab_node")).map(c -> c.value).findFirst().orElse("");
    }

    private static BrowserContext context(String node) {
        BrowserContext c = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        if (node != null) c.addCookies(List.of(new Cookie("cnnlab_node", node).setDomain("127.0.0.1").setPath("/")));
        contexts.add(c);
        return c;
    }

    private static Connection database() throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5433/cnnlab_it", "cnnlab", Files.readString(DIR.resolve("db-password")).strip());
    }

    static void topology(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "deploy/topology.sh"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Files.createDirectories(DIR).resolve("script.log").toFile()));
        pb.environment().putAll(ENV);
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("topology.sh " + String.join(" ", args) + " took over 300 s");
        }
        assertThat(p.exitValue()).as("topology.sh %s (see %s)", String.join(" ", args), DIR.resolve("script.log")).isZero();
    }

    private static String spanish(String key, Object... args) {
        return translations.getTranslation(key, Translations.SPANISH, args);
    }

    private static void screenshot(Page on, String name) {
        Settle.overlays(on);
        on.screenshot(new Page.ScreenshotOptions().setPath(BrowserTest.SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
