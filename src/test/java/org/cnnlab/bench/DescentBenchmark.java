package org.cnnlab.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.descent.FitRun;
import org.cnnlab.descent.FitSettings;
import org.cnnlab.descent.Mlp1D;
import org.cnnlab.descent.Target;
import org.cnnlab.descent.UpdateRule;

/**
 * The recap lesson's speed: optimisation steps per second of the default fit (40 points, one tanh
 * layer of 16 units, Adam η = 0.01; each step a forward and backward pass with DJL autograd, our
 * Adam, then the loss on all points for the chart) next to the same loop in PyTorch-Python (Debian's
 * python3-torch; {@code CNNLAB_PYTHON} overrides /usr/bin/python3) in the same run, interleaved,
 * with the ratio. Target ≥ 500 steps/s so the plots move smoothly. Prints figures; asserts nothing.
 */
public final class DescentBenchmark {

    private static final int STEPS = 2_000;
    private static final int REPEATS = 5;

    private static final String PYTHON = """
            import sys, time, math, random, torch
            torch.set_num_threads(int(sys.argv[1]))
            torch.manual_seed(1)
            random.seed(1)
            n = 40
            xs = [-1 + 2 * i / (n - 1) for i in range(n)]
            x = torch.tensor(xs).reshape(n, 1)
            y = torch.sin(math.pi * x) + 0.1 * torch.randn(n, 1)
            model = torch.nn.Sequential(torch.nn.Linear(1, 16), torch.nn.Tanh(), torch.nn.Linear(16, 1))
            opt = torch.optim.Adam(model.parameters(), lr=0.01)
            def run(steps):
                for _ in range(steps):
                    opt.zero_grad()
                    loss = ((model(x) - y) ** 2).mean()
                    loss.backward()
                    opt.step()
                    with torch.no_grad():
                        full = ((model(x) - y) ** 2).mean().item()
                return full
            run(200)
            for _ in range(int(sys.argv[2])):
                t = time.perf_counter()
                run(int(sys.argv[3]))
                print("RATE", int(sys.argv[3]) / (time.perf_counter() - t))
            """;

    private DescentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String python = System.getenv().getOrDefault("CNNLAB_PYTHON", "/usr/bin/python3");
        Path script = Files.createTempFile("cnnlab-descent-bench", ".py");
        Files.writeString(script, PYTHON);
        FitSettings settings = new FitSettings(Target.SINE, 40, 0.1, 1, 16, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.ADAM, 0.01, 8, 0.9, 0);
        int threads = Runtime.getRuntime().availableProcessors();
        List<Double> djl = new ArrayList<>();
        List<Double> torch = new ArrayList<>();
        try (DjlRuntime runtime = new DjlRuntime()) {
            new FitRun(settings, runtime::newScope).advance(200);   // warm-up
            for (int r = 0; r < REPEATS; r++) {
                FitRun run = new FitRun(settings, runtime::newScope);
                long start = System.nanoTime();
                run.advance(STEPS);
                djl.add(STEPS / ((System.nanoTime() - start) / 1e9));
                torch.add(python(python, script, threads));
            }
        } finally {
            Files.deleteIfExists(script);
        }
        double d = median(djl);
        double t = median(torch);
        System.out.printf(Locale.ROOT, "%nCNN Lab descent benchmark: the default fit (40 points, 1→16→1 tanh, Adam 0.01, loss on all points each step), "
                + "%d steps × %d interleaved repeats, %d threads%n", STEPS, REPEATS, threads);
        System.out.printf(Locale.ROOT, "%-28s %12s%n", "", "steps/s (median)");
        System.out.printf(Locale.ROOT, "%-28s %12.0f   %s%n", "DJL (FitRun)", d, djl.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        System.out.printf(Locale.ROOT, "%-28s %12.0f   %s%n", "PyTorch-Python (torch.optim)", t, torch.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).toList());
        System.out.printf(Locale.ROOT, "ratio DJL / PyTorch-Python: %.2f×; target ≥ 500 steps/s: %s%n", d / t, d >= 500 ? "met" : "NOT met");
    }

    private static double python(String python, Path script, int threads) throws Exception {
        Process p = new ProcessBuilder(python, script.toString(), String.valueOf(threads), "1", String.valueOf(STEPS)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException("PyTorch-Python failed:\n" + out);
        return out.lines().filter(l -> l.startsWith("RATE ")).mapToDouble(l -> Double.parseDouble(l.substring(5))).findFirst().orElseThrow();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
