package org.cnnlab.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cnnlab.e2e.BrowserTest;
import org.cnnlab.e2e.pages.ClassPages;
import org.cnnlab.e2e.pages.TrainingPage;

/**
 * One node against two (issue 15's comparison; not part of the test run): the same class load —
 * {@code cnnlab.load.browsers} (10) students in Chromium (five pages per browser): in each browser
 * one trains (the starter CNN on the easy shapes, 60 images a class, 2 epochs, again as soon as a
 * run is done) and the others edit a kernel cell every second, for {@code cnnlab.load.minutes} (3) — first
 * against one node (the jar as the one-machine server), then against the scale-out topology of
 * {@code deploy/topology.sh} (nginx, app1 and app2, worker1, PostgreSQL), the students spread over
 * both app nodes by the proxy. Each phase first measures the same round trip with one browser on
 * its idle server, and prints its figures as ratios to that. Everything runs on this one machine,
 * so the second phase shows what the relay and the proxy cost, not what a second machine adds.
 *
 * <pre>./mvnw -B -Pproduction,bench -DskipTests package exec:exec@bench -Dbench=NodesLoad [-Dbench.jvm=-Dcnnlab.load.minutes=3]</pre>
 */
public final class NodesLoadHarness {
    private static final int MINUTES = Integer.getInteger("cnnlab.load.minutes", 3);
    private static final int BROWSERS = Integer.getInteger("cnnlab.load.browsers", 10);
    private static final int PAGES_PER_BROWSER = 5;
    private static final String PASSWORD = "nodes-load-password";

    public static void main(String[] args) throws Exception {
        List<String> report = new ArrayList<>();
        report.addAll(oneNode());
        report.addAll(twoNodes());
        System.out.println();
        System.out.printf(Locale.ROOT, "=== %d students in Chromium editing a kernel every second, %d min per phase ===%n", BROWSERS, MINUTES);
        report.forEach(System.out::println);
        System.exit(0);
    }

    private static List<String> oneNode() throws Exception {
        Path data = Files.createTempDirectory("cnnlab-nodes-load");
        int port = 18380;
        Process app = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx2g", "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-jar", "target/cnnlab.jar", "--server.port=" + port, "--cnnlab.data-dir=" + data,
                "--cnnlab.classroom.instructor-password=" + PASSWORD, "--cnnlab.classroom.join-attempts-per-minute=100000")
                .redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile()).start();
        try {
            String base = "http://127.0.0.1:" + port + "/";
            waitFor(base);
            return load("one node", base);
        } finally {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> twoNodes() throws Exception {
        Map<String, String> env = Map.of("CNNLAB_TOPOLOGY_DIR", Path.of("target", "topology-load").toAbsolutePath().toString(),
                "CNNLAB_PROXY_PORT", "18400", "CNNLAB_APP_PORTS", "18401 18402", "CNNLAB_PG_DB", "cnnlab_load",
                "CNNLAB_TOPOLOGY_FRESH", "1", "CNNLAB_INSTRUCTOR_PASSWORD", PASSWORD);
        topology(env, "start");
        try {
            return load("two app nodes + worker, nginx, PostgreSQL", "http://127.0.0.1:18400/");
        } finally {
            topology(env, "stop");
        }
    }

    private static List<String> load(String phase, String base) throws Exception {
        ConcurrentLinkedQueue<Double> trips = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> runs = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        String code;
        double[] idle;
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = BrowserTest.launchChromium(playwright)) {
            Page instructor = browser.newContext().newPage();
            code = new ClassPages.Dashboard(instructor).login(base, "profesor", PASSWORD).createSession("Carga");
            Page ref = ClassLoadHarness.join(browser, base, code, "ref");
            for (int n = 0; n < 5; n++) ref.evaluate(ConvolutionBenchmark.ROUND_TRIP, n % 2 == 0 ? "4" : "0");
            idle = new double[40];
            for (int n = 0; n < idle.length; n++) {
                idle[n] = ((Number) ref.evaluate(ConvolutionBenchmark.ROUND_TRIP, n % 2 == 0 ? "4" : "0")).doubleValue();
                ref.waitForTimeout(200);
            }
        }
        long end = System.currentTimeMillis() + MINUTES * 60_000L;
        List<Thread> threads = new ArrayList<>();
        for (int b = 0; b * PAGES_PER_BROWSER < BROWSERS; b++) {
            int first = b * PAGES_PER_BROWSER;
            Thread t = new Thread(() -> browse(base, code, first, Math.min(PAGES_PER_BROWSER, BROWSERS - first), end, trips, runs, errors));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        Stats reference = new Stats(phase + ": idle, 1 browser", idle);
        Stats loaded = new Stats(phase + ": under load", trips.stream().mapToDouble(Double::doubleValue).toArray());
        String training = runs.isEmpty() ? phase + ": no training run finished"
                : new Stats(phase + ": training run, start click → done", runs.stream().mapToDouble(Double::doubleValue).toArray()).line(null);
        return List.of(reference.line(null), loaded.line(reference)
                + String.format(Locale.ROOT, "   p95 ×%.2f   errors %d", loaded.percentile(95) / reference.percentile(95), errors.get()), training);
    }

    private static void browse(String base, String code, int first, int pages, long end, ConcurrentLinkedQueue<Double> trips,
                               ConcurrentLinkedQueue<Double> runs, AtomicInteger errors) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = BrowserTest.launchChromium(playwright)) {
            List<Page> open = new ArrayList<>();
            for (int p = 0; p < pages; p++) open.add(ClassLoadHarness.join(browser, base, code, "s" + (first + p)));
            Page trainer = open.removeFirst();
            TrainingPage training = new TrainingPage(trainer).open(base);
            training.type("train-per-class", "60");
            training.type("train-epochs", "2");
            long[] clicked = {0};
            for (long n = 0; System.currentTimeMillis() < end; n++) {
                try {   // the trainer: a new run as soon as the last one is done
                    boolean idle = clicked[0] == 0 || (Boolean) trainer.evaluate("() => { const s = document.querySelector('#train-status');"
                            + " return !!s && !document.querySelector('#train-start').hasAttribute('disabled'); }");
                    if (idle) {
                        if (clicked[0] > 0) runs.add((double) (System.currentTimeMillis() - clicked[0]));
                        clicked[0] = System.currentTimeMillis();
                        trainer.locator("#train-start").click();
                        trainer.waitForFunction("() => document.querySelector('#train-start').hasAttribute('disabled')");
                    }
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
                long round = System.currentTimeMillis();
                for (Page page : open) {
                    try {
                        trips.add(((Number) page.evaluate(ConvolutionBenchmark.ROUND_TRIP, n % 2 == 0 ? "4" : "0")).doubleValue());
                    } catch (RuntimeException e) {
                        errors.incrementAndGet();
                    }
                }
                long left = 1000 - (System.currentTimeMillis() - round);
                if (left > 0) Thread.sleep(left);
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            System.err.println("browser: " + e);
        }
    }

    private static void waitFor(String base) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 180; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no answer from " + base);
    }

    private static void topology(Map<String, String> env, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", "deploy/topology.sh", command).inheritIO();
        pb.environment().putAll(env);
        if (pb.start().waitFor() != 0) throw new IllegalStateException("topology.sh " + command + " failed");
    }
}
