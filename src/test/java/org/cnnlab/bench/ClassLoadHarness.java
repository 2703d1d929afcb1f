package org.cnnlab.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cnnlab.CnnLabApplication;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.classroom.ClassSessions;
import org.cnnlab.classroom.ClassroomService;
import org.cnnlab.classroom.Instructors;
import org.cnnlab.classroom.QueueAdmin;
import org.cnnlab.classroom.ServerLoad;
import org.cnnlab.convolution.PlaygroundService;
import org.cnnlab.e2e.BrowserTest;
import org.cnnlab.inspection.InspectionLab;
import org.cnnlab.inspection.saliency.VanillaGradient;
import org.cnnlab.models.ModelRef;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.training.StarterNetworks;
import org.cnnlab.training.TrainingLab;
import org.cnnlab.training.TrainingProgress;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A class on this machine (the class server issue's load harness; not part of the test run):
 * {@code cnnlab.load.students} (60) students join one session. {@code cnnlab.load.browsers} (10) of
 * them are real Chromium contexts on the playground, editing a kernel cell every second and timing
 * the round trip to the new map painted; the others drive the services the pages call, at a class's
 * rates: a kernel edit every 5 s, a saliency click every 30 s once they have a model, a training job
 * every 3–5 minutes (the first within 3 minutes). For {@code cnnlab.load.minutes} (10). It prints
 * errors, the browsers' round trips next to the same round trip on the idle server measured first,
 * queue waits, and heap (after a GC) and resident memory over time.
 *
 * <pre>./mvnw -B -Pproduction,bench -DskipTests package exec:exec@bench -Dbench=ClassLoad [-Dbench.jvm=-Dcnnlab.load.minutes=10]</pre>
 */
public final class ClassLoadHarness {
    private static final int MINUTES = Integer.getInteger("cnnlab.load.minutes", 10);
    private static final int STUDENTS = Integer.getInteger("cnnlab.load.students", 60);
    private static final int BROWSERS = Integer.getInteger("cnnlab.load.browsers", 10);
    private static final int PAGES_PER_BROWSER = 5;

    private final ConcurrentLinkedQueue<Double> roundTrips = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Double> serviceEdits = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Double> saliencyClicks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Double> queueWaits = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    private final AtomicInteger jobsSubmitted = new AtomicInteger();
    private final AtomicInteger jobsDone = new AtomicInteger();
    private final AtomicInteger jobsRefusedBusy = new AtomicInteger();
    private final List<String> memory = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean running = true;

    public static void main(String[] args) throws Exception {
        new ClassLoadHarness().run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path dataDir = Files.createTempDirectory("cnnlab-load");
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CnnLabApplication.class).run("--server.port=0",
                "--" + BrowserTest.PRODUCTION, "--logging.level.root=WARN", "--cnnlab.data-dir=" + dataDir,
                "--cnnlab.classroom.instructor-password=load-harness-password", "--cnnlab.classroom.join-attempts-per-minute=100000");
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/";
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("profesor", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Instructors.ROLE))));
        QueueAdmin queue = app.getBean(QueueAdmin.class);
        ClassSession session = app.getBean(ClassSessions.class).create("Carga", false);
        ClassroomService classroom = app.getBean(ClassroomService.class);

        List<Thread> browserThreads = new ArrayList<>();
        int browserCount = (BROWSERS + PAGES_PER_BROWSER - 1) / PAGES_PER_BROWSER;
        double[] idle = idleReference(base, session.joinCode());
        System.out.printf(Locale.ROOT, "reference: one browser, idle server: kernel edit round trip p50 %.1f ms, p95 %.1f ms (n=%d)%n",
                new Stats("idle", idle).percentile(50), new Stats("idle", idle).percentile(95), idle.length);

        long start = System.currentTimeMillis();
        long end = start + MINUTES * 60_000L;
        for (int b = 0; b < browserCount; b++) {
            int first = b * PAGES_PER_BROWSER;
            int pages = Math.min(PAGES_PER_BROWSER, BROWSERS - first);
            Thread t = new Thread(() -> browse(base, session.joinCode(), first, pages, end), "load-browser-" + b);
            t.start();
            browserThreads.add(t);
        }
        ScheduledExecutorService students = Executors.newScheduledThreadPool(6, r -> {
            Thread t = new Thread(r, "load-student");
            t.setDaemon(true);
            return t;
        });
        Random random = new Random(42);
        for (int i = 0; i < STUDENTS - BROWSERS; i++) {
            StudentId s = classroom.join(session.joinCode(), "sim-" + i, "10.0." + i / 250 + "." + i % 250).student();
            simulate(app, students, s, random);
        }
        students.scheduleAtFixedRate(() -> sample(queue), 0, 30, TimeUnit.SECONDS);
        while (System.currentTimeMillis() < end) Thread.sleep(1000);
        running = false;
        for (Thread t : browserThreads) t.join(60_000);
        students.shutdownNow();
        sample(queue);
        report(idle, queue);
        app.close();
    }

    /** The reference in the same run: one browser on the idle server, 40 edits. */
    private double[] idleReference(String base, String code) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = BrowserTest.launchChromium(playwright)) {
            Page page = join(browser, base, code, "ref");
            for (int n = 0; n < 5; n++) page.evaluate(ConvolutionBenchmark.ROUND_TRIP, n % 2 == 0 ? "4" : "0");
            double[] ms = new double[40];
            for (int n = 0; n < ms.length; n++) {
                ms[n] = ((Number) page.evaluate(ConvolutionBenchmark.ROUND_TRIP, n % 2 == 0 ? "4" : "0")).doubleValue();
                page.waitForTimeout(200);
            }
            return ms;
        }
    }

    static Page join(Browser browser, String base, String code, String nickname) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        Page page = context.newPage();
        page.navigate(base + "unirse?codigo=" + code);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#join-nickname input").fill(nickname);
        page.locator("#join-submit").click();
        page.locator("#class-bar").filter(new Locator.FilterOptions().setHasText(nickname)).waitFor();
        page.navigate(base + "convolucion");
        page.locator("#feature-map-0").waitFor();
        return page;
    }

    /** One Chromium with a few students' pages, each editing a kernel cell about once a second. */
    private void browse(String base, String code, int first, int pages, long end) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = BrowserTest.launchChromium(playwright)) {
            List<Page> open = new ArrayList<>();
            for (int p = 0; p < pages; p++) open.add(join(browser, base, code, "browser-" + (first + p)));
            long n = 0;
            while (running && System.currentTimeMillis() < end) {
                long round = System.currentTimeMillis();
                for (Page page : open) {
                    try {
                        roundTrips.add(((Number) page.evaluate(ConvolutionBenchmark.ROUND_TRIP, n % 2 == 0 ? "4" : "0")).doubleValue());
                    } catch (RuntimeException e) {
                        error("browser: " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
                    }
                }
                n++;
                long left = 1000 - (System.currentTimeMillis() - round);
                if (left > 0) Thread.sleep(left);
            }
        } catch (Exception e) {
            error("browser thread: " + e);
        }
    }

    /** A simulated student: playground edits, training jobs and saliency clicks at a class's pace. */
    private void simulate(ConfigurableApplicationContext app, ScheduledExecutorService pool, StudentId s, Random random) {
        PlaygroundService playground = app.getBean(PlaygroundService.class);
        TrainingLab training = app.getBean(TrainingLab.class);
        InspectionLab inspection = app.getBean(InspectionLab.class);
        AtomicLong lastJob = new AtomicLong(-1);
        pool.scheduleAtFixedRate(() -> timed(serviceEdits, "kernel edit", () -> playground.editKernel(s, 0,
                List.of("-1", "-2", "-1", "0", Integer.toString(ThreadLocalRandom.current().nextInt(1, 9)), "0", "1", "2", "1"))),
                random.nextInt(5000), 5000, TimeUnit.MILLISECONDS);
        long firstJob = random.nextInt(180_000);
        pool.schedule(new Runnable() {
            @Override
            public void run() {
                if (!running) return;
                submit(training, s, lastJob);
                pool.schedule(this, 180_000 + ThreadLocalRandom.current().nextInt(120_000), TimeUnit.MILLISECONDS);
            }
        }, firstJob, TimeUnit.MILLISECONDS);
        pool.scheduleAtFixedRate(() -> {
            if (lastJob.get() < 0) return;
            timed(saliencyClicks, "saliency", () -> {
                var option = inspection.models(s).stream().filter(o -> o.source() instanceof InspectionLab.Source.Trained(ModelRef.Run r) && r.jobId() == lastJob.get()).findFirst();
                if (option.isEmpty()) return;
                byte[] image = inspection.example(s, option.get(), 7);
                inspection.saliency(s, option.get(), image, new VanillaGradient(0), done -> { }).join();
            });
        }, 30_000 + random.nextInt(30_000), 30_000, TimeUnit.MILLISECONDS);
    }

    private void submit(TrainingLab training, StudentId s, AtomicLong lastJob) {
        long submitted = System.currentTimeMillis();
        try {
            TrainingProgress p = training.start(s, new TrainingLab.Choice("shapes-easy", List.of(), 60, new TrainingLab.NetworkChoice.Starter(StarterNetworks.SMALL_CNN), OptimizerSpec.adam(0.01),
                    32, 2, 0.2, ThreadLocalRandom.current().nextLong(1000)));
            jobsSubmitted.incrementAndGet();
            AtomicLong started = new AtomicLong();
            Runnable[] stop = new Runnable[1];
            stop[0] = training.watch(p.jobId(), q -> {
                if (q.startedMillis() > 0 && started.compareAndSet(0, q.startedMillis())) queueWaits.add((double) (q.startedMillis() - submitted));
                if (q.finished()) {
                    if (q.state() == TrainingProgress.State.DONE) {
                        jobsDone.incrementAndGet();
                        lastJob.set(q.jobId());
                    } else if (q.state() != TrainingProgress.State.CANCELLED) {
                        error("job ended " + q.state());
                    }
                    if (stop[0] != null) stop[0].run();
                }
            });
        } catch (InvalidInputException e) {
            if (e.messageKey().equals("training.error.busy")) jobsRefusedBusy.incrementAndGet();
            else error("training refused: " + e.messageKey());
        } catch (RuntimeException e) {
            error("training: " + e);
        }
    }

    private void timed(ConcurrentLinkedQueue<Double> into, String what, Runnable action) {
        if (!running) return;
        long t0 = System.nanoTime();
        try {
            action.run();
            into.add((System.nanoTime() - t0) / 1e6);
        } catch (RuntimeException e) {
            error(what + ": " + e.getClass().getSimpleName() + " " + firstLine(e.getMessage()));
        }
    }

    private void sample(QueueAdmin queue) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("profesor", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Instructors.ROLE))));
        long rss = ServerLoad.readResident();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        ServerLoad load = queue.load();
        String line = String.format(Locale.ROOT, "%s  heap after GC %5.0f MB  RSS %5.0f MB  online %d  training %d waiting %d",
                LocalTime.now().withNano(0), heap / 1048576.0, rss / 1048576.0, load.studentsOnline(), load.jobsRunning(), load.jobsWaiting());
        memory.add(line);
        System.out.println(line);
    }

    private void error(String what) {
        errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static double[] array(ConcurrentLinkedQueue<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void report(double[] idle, QueueAdmin queue) {
        Stats reference = new Stats("idle server, 1 browser", idle);
        System.out.println();
        System.out.printf(Locale.ROOT, "=== class load: %d students (%d in Chromium), %d min ===%n", STUDENTS, BROWSERS, MINUTES);
        System.out.println(reference.line(null));
        if (!roundTrips.isEmpty()) System.out.println(new Stats("kernel edit round trip in the browsers, under load", array(roundTrips)).line(reference));
        if (!serviceEdits.isEmpty()) System.out.println(new Stats("kernel edit, service (simulated students)", array(serviceEdits)).line(null));
        if (!saliencyClicks.isEmpty()) System.out.println(new Stats("saliency click, service (vanilla)", array(saliencyClicks)).line(null));
        if (!queueWaits.isEmpty()) System.out.println(new Stats("queue wait, submit → start", array(queueWaits)).line(null));
        System.out.printf(Locale.ROOT, "training jobs: %d submitted, %d done, %d refused while the student's previous one was still queued%n",
                jobsSubmitted.get(), jobsDone.get(), jobsRefusedBusy.get());
        int total = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("errors: " + total);
        errors.forEach((k, v) -> System.out.println("  " + v + " × " + k));
        System.out.println("memory over time:");
        memory.forEach(l -> System.out.println("  " + l));
    }
}
