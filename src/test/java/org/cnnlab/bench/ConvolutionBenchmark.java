package org.cnnlab.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.cnnlab.CnnLabApplication;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.Translations;
import org.cnnlab.convolution.ChannelMode;
import org.cnnlab.convolution.ConvolutionLimits;
import org.cnnlab.convolution.ConvolutionService;
import org.cnnlab.convolution.ConvolutionSettings;
import org.cnnlab.convolution.Kernel;
import org.cnnlab.convolution.KernelPreset;
import org.cnnlab.convolution.PlaygroundService;
import org.cnnlab.convolution.ReferenceConvolution;
import org.cnnlab.e2e.BrowserTest;
import org.cnnlab.e2e.pages.PlaygroundPage;
import org.cnnlab.imaging.PixelImage;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The playground's speed for a 512×512 RGB image and a 3×3 kernel (run: see docs/benchmarks.md).
 * Part 1 times ConvolutionService (DJL, PyTorch CPU) next to two plain-Java references in the same
 * JVM: the textbook loops of ReferenceConvolution and a tuned loop. Part 2 times what one
 * keystroke costs the server (compute + colour map + PNG). Part 3 starts the app and measures, in
 * Debian's Chromium, the round trip from the kernel cell's input event to the new map decoded and
 * painted, debounce included, next to the same round trip on the lecture's 7×9 matrix.
 * Prints figures; asserts nothing. The target is p95 ≤ 50 ms on 2 cores.
 */
public final class ConvolutionBenchmark {

    private static final int SIDE = 512;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        System.out.printf("CNN Lab convolution benchmark: %d×%d RGB, 3×3 Sobel f1, %d runs after warm-up, %d cores, %s%n",
                SIDE, SIDE, runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        List<String> lines = new ArrayList<>();
        try (DjlRuntime djl = new DjlRuntime()) {
            lines.addAll(service(djl, runs));
        }
        lines.forEach(System.out::println);
        lines.addAll(browser(Math.max(20, runs / 4)));
        System.out.println();
        System.out.println("---- summary ----");
        lines.forEach(System.out::println);
    }

    private static List<String> service(DjlRuntime djl, int runs) throws Exception {
        ConvolutionService service = new ConvolutionService(djl, ConvolutionLimits.defaults());
        Random random = new Random(42);
        float[] data = new float[3 * SIDE * SIDE];
        for (int n = 0; n < data.length; n++) data[n] = random.nextInt(256);
        PixelImage rgb = new PixelImage(3, SIDE, SIDE, data);
        Kernel f1 = KernelPreset.SOBEL_F1.kernel(3);
        List<Kernel> kernels = List.of(f1);
        ConvolutionSettings grey = ConvolutionSettings.defaults();
        ConvolutionSettings each = grey.withChannelMode(ChannelMode.EACH_CHANNEL);
        int out = SIDE - 2;
        float[] tunedOut = new float[out * out];
        List<String> lines = new ArrayList<>();
        lines.add("engine: " + djl.engineDescription());

        Stats straight = Stats.measure("grey: plain Java, straightforward loops (reference)", 20, runs,
                n -> ReferenceConvolution.valid(rgb.toGrey(), f1.weights(), 3));
        Stats tuned = Stats.measure("grey: plain Java, tuned loop", 50, runs,
                n -> TunedConvolution.valid(rgb.toGrey().data(), SIDE, SIDE, f1.weights(), 3, 0f, tunedOut));
        Stats djlGrey = Stats.measure("grey: ConvolutionService (DJL)", 50, runs, n -> service.apply(rgb, kernels, grey));
        lines.add(straight.line(null));
        lines.add(tuned.line(straight));
        lines.add(djlGrey.line(straight));

        Stats straight3 = Stats.measure("each channel (3 maps): plain Java, straightforward", 10, runs, n -> {
            for (int c = 0; c < 3; c++) {
                ReferenceConvolution.map(List.of(rgb.plane(c)), SIDE, SIDE, List.of(f1.weights()), 3, 0, 0, out, out, 1, 1, 0);
            }
        });
        Stats tuned3 = Stats.measure("each channel (3 maps): plain Java, tuned", 50, runs, n -> {
            for (int c = 0; c < 3; c++) {
                TunedConvolution.valid(rgb.plane(c), SIDE, SIDE, f1.weights(), 3, 0f, tunedOut);
            }
        });
        Stats djl3 = Stats.measure("each channel (3 maps): ConvolutionService (DJL)", 50, runs, n -> service.apply(rgb, kernels, each));
        lines.add(straight3.line(null));
        lines.add(tuned3.line(straight3));
        lines.add(djl3.line(straight3));

        // the agreement the figures stand on
        float[] djlValues = service.apply(rgb, kernels, grey).maps().getFirst().values();
        TunedConvolution.valid(rgb.toGrey().data(), SIDE, SIDE, f1.weights(), 3, 0f, tunedOut);
        double worst = 0;
        for (int n = 0; n < tunedOut.length; n++) worst = Math.max(worst, Math.abs(tunedOut[n] - djlValues[n]));
        lines.add(String.format("max |DJL − tuned Java| over the grey map: %.2e", worst));
        return lines;
    }

    private static List<String> browser(int runs) throws Exception {
        List<String> lines = new ArrayList<>();
        ConfigurableApplicationContext app = SpringApplication.run(CnnLabApplication.class,
                "--server.port=0", "--logging.level.root=WARN", "--" + BrowserTest.PRODUCTION);
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser browser = BrowserTest.launchChromium(playwright)) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port") + "/";
            PlaygroundService playground = app.getBean(PlaygroundService.class);

            StudentId student = StudentId.random();
            playground.useSample(student, "astronaut");
            Stats keystroke = Stats.measure("server, one keystroke on astronaut 512×512 (compute+PNG)", 30, runs,
                    n -> playground.editKernel(student, 0, cells(n)));

            Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)).newPage();
            PlaygroundPage ui = new PlaygroundPage(page).open(base);
            Stats small = roundTrips(page, "browser round trip, 7×9 slide matrix (reference)", runs);
            ui.chooseSample(app.getBean(Translations.class)
                    .getTranslation("sample.photo.astronaut", Translations.SPANISH));
            page.waitForFunction("() => document.querySelector('#input-info').textContent.includes('512')");
            Stats photo = roundTrips(page, "browser round trip, astronaut 512×512 RGB", runs);
            lines.add(keystroke.line(null));
            lines.add(small.line(null));
            lines.add(photo.line(small));
            lines.add("(browser round trip = input event in a kernel cell → sent at once (edits within 40 ms are coalesced) → server → new map decoded and painted)");
        } finally {
            app.close();
        }
        return lines;
    }

    private static List<String> cells(int n) {
        List<String> cells = new ArrayList<>(List.of("-1", "-2", "-1", "0", "0", "0", "1", "2", "1"));
        cells.set(4, Integer.toString(n % 50 + 1));
        return cells;
    }

    /** The page's view: every answer from the server brings a new map element (ResultPanel makes one per result). */
    static final String ROUND_TRIP = """
            async (value) => {
              const before = document.querySelector('#feature-map-0');
              const cell = document.querySelector('#kernel-grid').shadowRoot.querySelector('#cell-4');
              const t0 = performance.now();
              cell.value = value;
              cell.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
              const img = await new Promise((resolve, reject) => {
                setTimeout(() => reject(new Error('no new map within 10 s')), 10000);
                const done = () => {
                  const m = document.querySelector('#feature-map-0');
                  if (m && m !== before) { observer.disconnect(); resolve(m); return true; }
                  return false;
                };
                const observer = new MutationObserver(done);
                observer.observe(document.body, { subtree: true, childList: true });
                done();
              });
              await img.decode();
              await new Promise(r => requestAnimationFrame(() => r()));
              return performance.now() - t0;
            }""";

    private static Stats roundTrips(Page page, String name, int runs) {
        int warmup = 5;
        double[] millis = new double[runs];
        for (int n = 0; n < warmup + runs; n++) {
            double ms = ((Number) page.evaluate(ROUND_TRIP, n % 2 == 0 ? "4" : "0")).doubleValue();
            if (n >= warmup) millis[n - warmup] = ms;
        }
        return new Stats(name, millis);
    }
}
