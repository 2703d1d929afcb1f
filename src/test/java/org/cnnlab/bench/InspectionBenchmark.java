package org.cnnlab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.cnnlab.Drawings;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.NativeMemory;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.imaging.MapRenderer;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.inspection.Inspection;
import org.cnnlab.inspection.InspectionService;
import org.cnnlab.inspection.OpenNetwork;
import org.cnnlab.inspection.OpenNetworks;
import org.cnnlab.inspection.ReferenceModel;
import org.cnnlab.inspection.Saliency;
import org.cnnlab.inspection.SaliencyLimits;
import org.cnnlab.inspection.SaliencyService;
import org.cnnlab.inspection.Subject;
import org.cnnlab.inspection.saliency.SaliencyRequest;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.ChannelsLast;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.PytorchCode;
import org.cnnlab.network.ShapeInference;
import org.cnnlab.network.TensorShape;
import org.cnnlab.training.TrainingLimits;
import org.cnnlab.training.TrainingProbe;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingService;

/**
 * The inspection page's speed (issue 11): on the reference model's network (ReferenceModel.NETWORK,
 * SMALL_CNN on MNIST, trained here by the reference model's recipe through TrainingService, but
 * {@code cnnlab.bench.epochs} = 2 epochs instead of 3 to keep it short), a 192×192 pad drawing →
 * prediction and every layer's feature maps, then vanilla saliency, SmoothGrad-25, Integrated
 * Gradients-25, occlusion (patch 6, stride 2) and LIME-500, each through the real services, p50/p95
 * next to the same computation in PyTorch-Python (Debian's python3-torch; {@code CNNLAB_PYTHON}
 * overrides /usr/bin/python3) with the same weights, in the same run, one computation at a time (DJL,
 * then Python), one intra-op thread on both sides, glibc's malloc set alike on both sides. Before
 * timing, the two must agree on the logits within 1e-4 and on the vanilla, Integrated-Gradients and
 * occlusion maps, or it stops. Ratio = DJL time / PyTorch time (≤ 1.0× means DJL is at least as
 * fast). Targets: ≤ 1.0×, and ≤ 20 ms draw → maps, ≤ 30 ms vanilla, ≤ 300 ms SmoothGrad-25 and
 * IG-25 (judged on p50). Then where DJL's time goes, and some rows again at the engine's default
 * intra-op threads, as the app runs them. Prints figures; asserts nothing.
 * Knobs: {@code cnnlab.bench.runs} (200 timed calls of the fast computations; a sixth of it, at
 * least 20, for the sample-based ones), {@code cnnlab.bench.warmup} (20), {@code cnnlab.bench.epochs}
 * (2), {@code cnnlab.bench.python-malloc} ("default": leave Python on glibc's default malloc).
 */
public final class InspectionBenchmark {

    private static final NetworkLimits NETWORK_LIMITS = NetworkLimits.defaults();
    private static final NetworkFactory FACTORY = new NetworkFactory(NETWORK_LIMITS);
    private static final double LOGIT_TOLERANCE = 1e-4;
    private static final double MAP_TOLERANCE = 1e-3;   // of the map's largest value
    private static final int EPOCHS = Integer.getInteger("cnnlab.bench.epochs", 2);
    /** The DJL and the Python calls of a row alternate in this many turns. */
    private static final int ROUNDS = 5;

    private static Stats join(Stats a, Stats b) {
        double[] all = Arrays.copyOf(a.millis(), a.millis().length + b.millis().length);
        System.arraycopy(b.millis(), 0, all, a.millis().length, b.millis().length);
        return new Stats(a.name(), all);
    }

    /** Intra-op threads for both sides (-Dcnnlab.bench.threads=2 uses both cores of these machines). */
    private static final int THREADS = Integer.getInteger("cnnlab.bench.threads", 1);

    /** One row of the table: the Java call, its Python twin (a function in the script below), and its targets. */
    private record Computation(String name, String python, double targetMs, boolean slow, Stats.Body djl) {
    }

    /**
     * Appended to PytorchCode's module (the same nn.Sequential); weights from the file the Java side
     * wrote, parameter by parameter in the block's order. Then commands on stdin: "check" prints the
     * logits and the deterministic maps; "time NAME WARMUP RUNS" times one computation.
     */
    private static final String PYTHON = """

            import math, sys, time
            import numpy as np
            params_file, shapes, input_file = sys.argv[1], sys.argv[2], sys.argv[3]
            threads, cls, c, h, w = (int(a) for a in sys.argv[4:9])
            print("default_threads", torch.get_num_threads(), torch.get_num_interop_threads(), flush=True)
            torch.set_num_threads(threads)
            print("threads", torch.get_num_threads(), torch.__version__, flush=True)
            model.eval()
            flat = np.fromfile(params_file, dtype="<f4")
            at = 0
            with torch.no_grad():
                for p, shape in zip(model.parameters(), shapes.split(";")):
                    expected = tuple(int(s) for s in shape.split(","))
                    if tuple(p.shape) != expected:
                        raise SystemExit(f"parameter shape {tuple(p.shape)} != {expected}")
                    p.copy_(torch.from_numpy(flat[at:at + p.numel()].copy()).reshape(p.shape))
                    at += p.numel()
            if at != flat.size or len(list(model.parameters())) != len(shapes.split(";")):
                raise SystemExit(f"{flat.size} values for {at} parameters")
            x_np = np.fromfile(input_file, dtype="<f4")
            CHUNK = 32
            gen = torch.Generator()

            def image():
                return torch.from_numpy(x_np).reshape(1, c, h, w)   # the preprocessed input (no PIL here to decode the PNG)

            def maps():
                # forward layer by layer keeping every activation, then softmax
                a = image()
                activations = []
                with torch.no_grad():
                    for layer in model:
                        a = layer(a)
                        activations.append(a)
                    probabilities = torch.softmax(a, -1)[0].tolist()
                return activations, probabilities

            def vanilla():
                x = image().clone().requires_grad_()
                logits = model(x)
                logits[0, cls].backward()
                return x.grad.abs().amax(1)[0].numpy()

            def smoothgrad(samples=25, noise=0.15):
                gen.manual_seed(1)
                x = image()
                total = torch.zeros(h, w)
                for s in range(0, samples, CHUNK):   # batched: all samples of a chunk through one backward pass
                    b = min(CHUNK, samples - s)
                    xs = (x + noise * torch.randn(b, c, h, w, generator=gen)).requires_grad_()
                    model(xs)[:, cls].sum().backward()
                    total += xs.grad.abs().amax(1).sum(0)
                return (total / samples).numpy()

            def integrated_gradients(steps=25):
                x = image()
                total = torch.zeros(1, c, h, w)
                for s in range(0, steps, CHUNK):
                    b = min(CHUNK, steps - s)
                    alphas = ((torch.arange(s, s + b, dtype=torch.float64) + 0.5) / steps).float().reshape(b, 1, 1, 1)   # midpoints from x' = 0
                    xs = (alphas * x).requires_grad_()
                    model(xs)[:, cls].sum().backward()
                    total += xs.grad.sum(0, keepdim=True)
                attribution = (x * total / steps).sum(1)[0]
                with torch.no_grad():
                    ends = model(torch.cat([x, torch.zeros_like(x)]))[:, cls]
                return attribution.abs().numpy(), attribution.sum().item(), (ends[0] - ends[1]).item()

            def occlusion(patch=6, stride=2):
                x = image()
                windows = [(y, xx) for y in range(0, h - patch + 1, stride) for xx in range(0, w - patch + 1, stride)]
                with torch.no_grad():
                    base = model(x)[0, cls]
                    scores = []
                    for s in range(0, len(windows), CHUNK):
                        chunk = windows[s:s + CHUNK]
                        xs = x.repeat(len(chunk), 1, 1, 1)
                        for i, (y, xx) in enumerate(chunk):
                            xs[i, :, y:y + patch, xx:xx + patch] = 0
                        scores.append(model(xs)[:, cls])
                    drops = (base - torch.cat(scores)).tolist()
                total = torch.zeros(h, w)
                covered = torch.zeros(h, w)
                for d, (y, xx) in zip(drops, windows):
                    total[y:y + patch, xx:xx + patch] += d
                    covered[y:y + patch, xx:xx + patch] += 1
                return torch.where(covered > 0, total / covered.clamp(min=1), torch.zeros(h, w)).clamp(min=0).numpy()

            def lime(samples=500, patch=6, kernel_width=0.25, ridge=1e-3):
                gen.manual_seed(1)
                x = image()
                rows, cols = (h + patch - 1) // patch, (w + patch - 1) // patch
                segments = rows * cols
                z = (torch.rand(samples, segments, generator=gen) < 0.5).float()
                z[0] = 1   # sample 0: the image itself
                masks = z.reshape(samples, 1, rows, cols).repeat_interleave(patch, 2).repeat_interleave(patch, 3)[:, :, :h, :w]
                with torch.no_grad():
                    target = torch.cat([torch.softmax(model(x * masks[s:s + CHUNK]), -1)[:, cls] for s in range(0, samples, CHUNK)])
                on = z.sum(1).double()
                cosine = torch.where(on > 0, on / (on.sqrt() * math.sqrt(segments)), torch.zeros_like(on))
                weights = torch.exp(-(1 - cosine) ** 2 / kernel_width ** 2)
                design = torch.cat([torch.ones(samples, 1, dtype=torch.float64), z.double()], 1)
                a = design.T @ (weights[:, None] * design)
                a[1:, 1:] += ridge * torch.eye(segments, dtype=torch.float64)   # the intercept is not shrunk
                beta = torch.linalg.solve(a, design.T @ (weights * target.double()))
                return beta[1:].clamp(min=0).float().reshape(rows, cols).repeat_interleave(patch, 0).repeat_interleave(patch, 1)[:h, :w].numpy()

            lime_inputs = None

            def lime_forward(chunk=CHUNK, samples=500, patch=6):
                # LIME's network part alone: the masked copies made once, then the no-grad passes in chunks (of 32 unless told)
                global lime_inputs
                if lime_inputs is None:
                    gen.manual_seed(1)
                    rows, cols = (h + patch - 1) // patch, (w + patch - 1) // patch
                    z = (torch.rand(samples, rows * cols, generator=gen) < 0.5).float()
                    z[0] = 1
                    masks = z.reshape(samples, 1, rows, cols).repeat_interleave(patch, 2).repeat_interleave(patch, 3)[:, :, :h, :w]
                    lime_inputs = image() * masks
                with torch.no_grad():
                    return torch.cat([torch.softmax(model(lime_inputs[s:s + chunk]), -1)[:, cls] for s in range(0, samples, chunk)])

            grads_batch = None

            def grads25():
                # SmoothGrad-25's gradient pass alone: 25 fixed noisy copies through one backward, input gradients only (as DJL's weights are fixed)
                global grads_batch
                if grads_batch is None:
                    gen.manual_seed(1)
                    grads_batch = image() + 0.15 * torch.randn(25, c, h, w, generator=gen)
                xs = grads_batch.clone().requires_grad_()
                return torch.autograd.grad(model(xs)[:, cls].sum(), xs)[0].numpy()

            pool_input = None

            def pool(last=0):
                # the reference model's first max pooling on 32 copies of the drawing: layers 0-1 (convolution, ReLU) done once;
                # last=1: in channels_last memory
                global pool_input
                with torch.no_grad():
                    if pool_input is None:
                        pool_input = model[1](model[0](image().repeat(32, 1, 1, 1))).contiguous()
                    return model[2](pool_input.contiguous(memory_format=torch.channels_last) if last else pool_input)

            model_last = None

            def grads25_last():
                # the same gradient pass as grads25, with the model and its input in channels_last memory (what CNN Lab's network does)
                global grads_batch, model_last
                if model_last is None:
                    import copy
                    model_last = copy.deepcopy(model).to(memory_format=torch.channels_last)
                if grads_batch is None:
                    grads25()
                xs = grads_batch.clone().contiguous(memory_format=torch.channels_last).requires_grad_()
                return torch.autograd.grad(model_last(xs)[:, cls].sum(), xs)[0].numpy()

            FUNCTIONS = {"grads25": grads25, "grads25_last": grads25_last, "pool": pool, "lime_forward": lime_forward, "maps": maps, "vanilla": vanilla, "smoothgrad": smoothgrad, "ig": integrated_gradients,
                         "occlusion": occlusion, "lime": lime}

            def numbers(values):
                return " ".join(repr(float(v)) for v in np.asarray(values).ravel())

            for line in sys.stdin:
                command = line.split()
                if not command:
                    continue
                if command[0] == "quit":
                    break
                if command[0] == "check":
                    with torch.no_grad():
                        print("logits", numbers(model(image())[0]))
                    print("vanilla", numbers(vanilla()))
                    ig_map, ig_sum, ig_difference = integrated_gradients()
                    print("ig", numbers(ig_map))
                    print("ig_completeness", ig_sum, ig_difference)
                    print("occlusion", numbers(occlusion()))
                elif command[0] == "time":
                    f = FUNCTIONS[command[1]]
                    extra = [int(a) for a in command[4:]]   # the function's own arguments, if any
                    for _ in range(int(command[2])):
                        f(*extra)
                    times = []
                    for _ in range(int(command[3])):
                        t = time.perf_counter()
                        f(*extra)
                        times.append(1000 * (time.perf_counter() - t))
                    print("times", numbers(times))
                print("done", flush=True)
            """;

    private InspectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("cnnlab.bench.runs", 200);
        int slowRuns = Math.max(20, runs / 6);
        int warmup = Integer.getInteger("cnnlab.bench.warmup", 20);
        String python = System.getenv().getOrDefault("CNNLAB_PYTHON", "/usr/bin/python3");
        Path dir = Files.createTempDirectory("cnnlab-inspection-bench");
        try {
            run(python, dir, warmup, runs, slowRuns);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    private static void run(String python, Path dir, int warmup, int runs, int slowRuns) throws Exception {
        ModelRunner runner = new ModelRunner(FACTORY);
        ImageDecoder decoder = new ImageDecoder(ImageLimits.defaults());
        OpenNetworks kept = new OpenNetworks();   // as in the app: the built model waits for the next request
        InspectionService inspection = new InspectionService(runner, decoder, kept);
        SaliencyService saliency = new SaliencyService(runner, SaliencyLimits.defaults());

        long t0 = System.nanoTime();
        Trained trained = train();
        TrainedModel model = trained.model();
        double trainSeconds = (System.nanoTime() - t0) / 1e9;

        byte[] png = Drawings.pad(g -> {   // a seven, as a student draws it on the pad
            g.drawLine(48, 40, 144, 40);
            g.drawLine(144, 40, 84, 160);
        });
        float[] x = inspection.input(model, png);
        Inspection first = inspection.inspect(model, png);
        int c = 0;
        for (int k = 1; k < first.probabilities().length; k++) if (first.probabilities()[k] > first.probabilities()[c]) c = k;
        final int cls = c;

        int defaultThreads = TrainingProbe.engineThreads();
        TrainingProbe.setEngineThreads(THREADS);   // process-wide in PyTorch 2; every DJL call below runs on this thread

        TensorShape in = model.network().input();
        StringBuilder shapes = new StringBuilder();
        Path params = dir.resolve("params.f32");
        Path input = dir.resolve("input.f32");
        float[] djlLogits;
        boolean paramsRequireGradient;
        try (ModelRunner.Loaded loaded = runner.open(model)) {
            List<float[]> values = new ArrayList<>();
            for (Parameter p : loaded.block().getParameters().values()) {
                values.add(p.getArray().toFloatArray());
                if (!shapes.isEmpty()) shapes.append(';');
                shapes.append(String.join(",", Arrays.stream(p.getArray().getShape().getShape()).mapToObj(Long::toString).toList()));
            }
            paramsRequireGradient = loaded.block().getParameters().values().stream().allMatch(p -> p.getArray().hasGradient());
            Files.write(params, littleEndian(values.toArray(float[][]::new)));
            djlLogits = logits(loaded, x, in);
        }
        Files.write(input, littleEndian(x));

        List<String> command = new ArrayList<>(List.of(python, "-c", PytorchCode.of(new ShapeInference(NETWORK_LIMITS).analyse(model.network())) + PYTHON,
                params.toString(), shapes.toString(), input.toString()));
        for (int a : new int[] {THREADS, cls, in.channels(), in.height(), in.width()}) command.add(Integer.toString(a));
        // the JVM keeps freed memory for reuse (NativeMemory, applied by the reference model's training as by the app): Python gets the same
        // glibc setting through its environment, as in TrainingBenchmark's part 2; -Dcnnlab.bench.python-malloc=default leaves glibc's default
        boolean jvmMalloc = NativeMemory.keepFreedMemory();
        boolean pythonMalloc = !"default".equals(System.getProperty("cnnlab.bench.python-malloc"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (pythonMalloc) builder.environment().putAll(Map.of("MALLOC_MMAP_THRESHOLD_", Integer.toString(32 << 20), "MALLOC_TRIM_THRESHOLD_",
                Integer.toString(1 << 30)));
        Process process = builder.start();
        try (Python py = new Python(process)) {
            List<String> header = py.call(null);   // the thread lines
            // ---- same network, same weights: the logits and the deterministic maps must agree before anything is timed
            List<String> check = py.call("check");
            double[] pyLogits = numbers(check, "logits");
            double logitError = maxDifference(djlLogits, pyLogits);
            if (!(logitError <= LOGIT_TOLERANCE)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "DJL and PyTorch-Python disagree on the logits by %.3g (> %.0e): DJL %s, "
                        + "PyTorch %s", logitError, LOGIT_TOLERANCE, Arrays.toString(djlLogits), Arrays.toString(pyLogits)));
            }
            Subject subject = inspection.subject(model);   // the page's path: the kept model
            Saliency ig = saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.INTEGRATED_GRADIENTS, cls));
            List<String> agreement = new ArrayList<>();
            agreement.add(String.format(Locale.ROOT, "logits max |DJL − PyTorch| %.2g (≤ %.0e)", logitError, LOGIT_TOLERANCE));
            agreement.add(mapAgreement("vanilla", saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.VANILLA, cls)).map(),
                    numbers(check, "vanilla")));
            agreement.add(mapAgreement("IG-25", ig.map(), numbers(check, "ig")));
            agreement.add(mapAgreement("occlusion", saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.OCCLUSION, cls)).map(),
                    numbers(check, "occlusion")));
            double[] completeness = numbers(check, "ig_completeness");

            System.out.printf(Locale.ROOT, "%nCNN Lab inspection benchmark (issue 11): the reference model's network (ReferenceModel.NETWORK, "
                            + "SMALL_CNN 1×28×28→10) trained here by its recipe but %d epoch(s) instead of %d (%d steps of 32 MNIST digits) in %.1f s "
                            + "through TrainingService, held-out accuracy %.3f; a 192×192 pad drawing (a seven): class %s (p = %.3f)%n",
                    EPOCHS, 3, trained.progress().totalSteps(), trainSeconds, trained.progress().heldOutAccuracy(), model.classes().get(cls),
                    first.probabilities()[cls]);
            System.out.printf(Locale.ROOT, "%d cores; DJL %s, intra-op threads %d by default, set to " + THREADS + " (JniUtils.setNumThreads, process-wide); "
                            + "python %s: %s → %s%n", Runtime.getRuntime().availableProcessors(), Engine.getEngine("PyTorch").getVersion(),
                    defaultThreads, python, header.stream().filter(l -> l.startsWith("default_threads")).findFirst().orElse("?")
                            .replace("default_threads", "torch.get_num_threads()/interop by default"),
                    header.stream().filter(l -> l.startsWith("threads")).findFirst().orElse("?").replace("threads", "set_num_threads(" + THREADS + "):"));
            System.out.println("glibc malloc keeps freed memory (M_MMAP_THRESHOLD 32 MB, M_TRIM_THRESHOLD 1 GB): DJL's JVM " + jvmMalloc
                    + " (NativeMemory, as in the app); PyTorch-Python " + (pythonMalloc ? "the same, through MALLOC_MMAP_THRESHOLD_/MALLOC_TRIM_THRESHOLD_"
                    : "false (glibc's default; -Dcnnlab.bench.python-malloc=default)"));
            System.out.println("same network, same weights: " + String.join("; ", agreement)
                    + String.format(Locale.ROOT, "; IG completeness Σ attribution %.4f vs S_c(x) − S_c(0) %.4f (DJL %.4f vs %.4f)",
                    completeness[0], completeness[1], ig.attributionSum(), ig.scoreDifference()));

            List<Computation> computations = List.of(
                    new Computation("draw → prediction + all maps", null, 20, false, i -> inspection.inspect(model, png)),
                    new Computation("  its network part: every layer, softmax", "maps", Double.NaN, false, i -> {
                        try (OpenNetwork net = subject.open(); NDManager scope = net.scope()) {
                            OpenNetwork.Insides insides = net.insides(scope.create(x, new Shape(1, model.network().input().channels(),
                                    model.network().input().height(), model.network().input().width())));
                            for (OpenNetwork.Named layer : insides.layers()) layer.value().toFloatArray();
                            insides.logits().softmax(-1).toFloatArray();
                        }
                    }),
                    new Computation("vanilla |∂S_c/∂x|", "vanilla", 30, false,
                            i -> saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.VANILLA, cls))),
                    new Computation("SmoothGrad-25 (σ 0.15)", "smoothgrad", 300, true,
                            i -> saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.SMOOTHGRAD, cls))),
                    new Computation("Integrated Gradients-25", "ig", 300, true,
                            i -> saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.INTEGRATED_GRADIENTS, cls))),
                    new Computation("occlusion (patch 6, stride 2)", "occlusion", Double.NaN, true,
                            i -> saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.OCCLUSION, cls))),
                    new Computation("LIME-500 (6×6 patches, w 0.25)", "lime", Double.NaN, true,
                            i -> saliency.saliency(subject, x, SaliencyRequest.of(Saliency.Method.LIME, cls))));

            List<String> table = new ArrayList<>();
            Map<String, Stats> oneThread = new HashMap<>();
            table.add(String.format(Locale.ROOT, "%-32s %5s %9s %9s   %9s %9s   %7s   %-16s %s", "computation", "n", "DJL p50", "p95", "PyTorch p50",
                    "p95", "ratio", "target", "met?"));
            for (Computation comp : computations) {
                int n = comp.slow() ? slowRuns : runs;
                int w = comp.slow() ? Math.max(5, warmup / 4) : warmup;
                // both sides in turns (ROUNDS of n / ROUNDS calls each), so a busy moment of the machine falls on both
                Stats djl = new Stats("DJL, " + THREADS + " thread(s)", new double[0]);
                Stats torchTimes = new Stats("PyTorch " + comp.name(), new double[0]);
                for (int round = 0; round < ROUNDS; round++) {
                    int part = n / ROUNDS + (round < n % ROUNDS ? 1 : 0);
                    djl = join(djl, Stats.measure(djl.name(), round == 0 ? w : 0, part, comp.djl()));
                    if (comp.python() != null) {
                        torchTimes = join(torchTimes, new Stats(torchTimes.name(), numbers(py.call("time " + comp.python() + " " + (round == 0 ? w : 0) + " " + part),
                                "times")));
                    }
                }
                if (comp.python() == null) {   // nothing to compare with: Python has no page to render for
                    boolean fastEnough = djl.percentile(50) <= comp.targetMs();
                    table.add(String.format(Locale.ROOT, "%-32s %5d %6.2f ms %6.2f ms   %9s %9s   %7s   %-16s %s", comp.name(), n,
                            djl.percentile(50), djl.percentile(95), "—", "—", "—", String.format(Locale.ROOT, "≤ %.0f ms", comp.targetMs()),
                            fastEnough ? "met" : "NOT met (ms)"));
                    System.out.println(table.getLast());
                    continue;
                }
                oneThread.put(comp.python(), djl);
                Stats torch = torchTimes;
                double ratio = djl.percentile(50) / torch.percentile(50);
                boolean fastEnough = Double.isNaN(comp.targetMs()) || djl.percentile(50) <= comp.targetMs();
                String verdict = ratio <= 1.0 && fastEnough ? "met" : "NOT met (" + (ratio > 1.0 ? "ratio" : "") + (ratio > 1.0 && !fastEnough ? ", " : "")
                        + (fastEnough ? "" : "ms") + ")";
                table.add(String.format(Locale.ROOT, "%-32s %5d %6.2f ms %6.2f ms   %8.2f ms %6.2f ms   %6.2f×   %-16s %s", comp.name(), n,
                        djl.percentile(50), djl.percentile(95), torch.percentile(50), torch.percentile(95), ratio,
                        "≤ 1.0×" + (Double.isNaN(comp.targetMs()) ? "" : String.format(Locale.ROOT, ", ≤ %.0f ms", comp.targetMs())), verdict));
                System.out.println(table.getLast());
            }

            String torchVersion = header.stream().filter(l -> l.startsWith("threads")).map(l -> l.split(" ")[2]).findFirst().orElse("?");
            List<String> breakdown = breakdown(runner, inspection, decoder, model, png, x, cls, py, torchVersion, warmup, runs, slowRuns);
            List<String> appThreads = appThreads(computations, oneThread, defaultThreads, warmup, runs, slowRuns);

            System.out.println();
            System.out.println("---- summary: DJL through the real services vs the same computation in PyTorch-Python, same weights, " + THREADS + " thread(s) each, "
                    + "interleaved by computation ----");
            System.out.println("(ratio = DJL p50 / PyTorch p50, time: ≤ 1.0× means DJL is at least as fast; targets judged on p50; warm-up "
                    + warmup + " calls, " + Math.max(5, warmup / 4) + " for the sample-based rows)");
            table.forEach(System.out::println);
            System.out.println("notes:");
            System.out.println("  - the page keeps the built model for the next request (OpenNetworks), as PyTorch keeps one nn.Module loaded; "
                    + "the first request builds it (ModelRunner.open, timed in the breakdown below)");
            System.out.println("  - draw → maps: DJL decodes the 192×192 PNG, resizes to 28×28, runs layer by layer, softmax, and renders every map "
                    + "(" + countMaps(first) + " PNGs: feature maps, " + first.filters().size() + " first-layer filters, the input); PyTorch starts from "
                    + "the preprocessed 28×28 array (this Python has no PIL to decode PNGs), keeps every activation and the softmax, renders nothing");
            System.out.println("  - draw → maps has no Python row: the whole page step (decode, resize, network, rendering every map as PNG) is held "
                    + "to the 20 ms target; its network part (the row below it) is the same computation as PyTorch's and carries the ratio");
            System.out.println("  - saliency: DJL also renders the map and the input as PNGs (28×28, small); SmoothGrad and IG put a chunk of up to 32 "
                    + "samples through one backward pass on both sides (DJL redoes a chunk one by one if it is not finite)."
                    + " No-grad passes (occlusion, LIME, IG's end points) are batched by 32 on both sides");
            System.out.println("  - random draws differ (java.util.SplittableRandom for SmoothGrad's noise and java.util.Random for LIME's masks vs torch.Generator, all seeded); the rest is the same arithmetic"
                    + (paramsRequireGradient ? "; DJL's loaded parameters require gradients, as PyTorch's do (weight gradients computed on both sides)"
                    : "; DJL's loaded parameters do not require gradients (PyTorch's do: it also computes weight gradients)"));
            System.out.println();
            System.out.println("---- where DJL's time goes (" + THREADS + " thread(s), same model; parts timed round-robin with the whole) ----");
            breakdown.forEach(System.out::println);
            System.out.println();
            System.out.println("---- DJL as the app runs it: the engine's default intra-op threads (" + defaultThreads
                    + "; the app sets none), n a quarter of the above ----");
            appThreads.forEach(System.out::println);
            py.call("quit");
        }
    }

    // ---------------------------------------------------------------- where the time goes

    /**
     * The parts of draw → maps, and SmoothGrad's gradients one sample per backward pass vs all in one, each timed round-robin with
     * the whole so that they see the same machine load; then LIME's network part next to the same in Python.
     */
    private static List<String> breakdown(ModelRunner runner, InspectionService inspection, ImageDecoder decoder, TrainedModel model, byte[] png,
                                          float[] x, int cls, Python py, String torchVersion, int warmup, int runs, int slowRuns) throws Exception {
        TensorShape in = model.network().input();
        int n = x.length;
        List<String> lines = new ArrayList<>();
        List<float[]> activations = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        try (ModelRunner.Loaded loaded = runner.open(model)) {
            float[] filters = loaded.block().getParameters().values().iterator().next().getArray().toFloatArray();
            Stats.Body forward = i -> {
                activations.clear();
                shapes.clear();
                try (NDManager scope = loaded.model().getNDManager().newSubManager()) {
                    ParameterStore store = new ParameterStore(scope, false);
                    NDArray a = scope.create(x, new Shape(1, in.channels(), in.height(), in.width()));
                    for (Block layer : loaded.block().getChildren().values()) {
                        a = layer.forward(store, new NDList(a), false).singletonOrThrow();
                        activations.add(a.toFloatArray());
                        shapes.add(a.getShape().getShape());
                    }
                    a.softmax(-1).toFloatArray();
                }
            };
            forward.run(0);
            List<Stats> maps = roundRobin(warmup, runs,
                    new Part("draw → maps: InspectionService.inspect, again", i -> inspection.inspect(model, png)),
                    new Part("  ModelRunner.open + close (build block, load parameters)", i -> runner.open(model).close()),
                    new Part("  InspectionService.input (PNG decode, grey, resize 192→28)", i -> inspection.input(model, png)),
                    new Part("    ImageDecoder.decode (ImageIO + toPixels, getRGB rows)", i -> decoder.decode(png)),
                    new Part("    ImageIO.read alone (the PNG decode)", i -> ImageIO.read(new ByteArrayInputStream(png))),
                    new Part("  forward layer by layer + softmax + copies out (model open)", forward),
                    new Part("  rendering " + countPlanes(shapes) + " feature maps + 16 filters + input as PNG",
                            i -> render(activations, shapes, filters, x, in)));
            lines.add(maps.getFirst().line(null));
            for (Stats part : maps.subList(1, maps.size())) lines.add(part.line(maps.getFirst()));

            float[] batch = new float[25 * n];
            Random random = new Random(1);
            for (int i = 0; i < batch.length; i++) batch[i] = (float) (x[i % n] + 0.15 * random.nextGaussian());
            int[] nan = new int[1];
            List<Stats> sg = roundRobin(5, slowRuns,
                    new Part("SmoothGrad-25's gradients, one sample per backward (TorchScript models)", i -> {
                        for (int s = 0; s < 25; s++) gradients(loaded, Arrays.copyOfRange(batch, s * n, (s + 1) * n), 1, in, cls);
                    }),
                    new Part("SmoothGrad-25's gradients, all 25 in one backward (models built here)", i -> {
                        for (float v : gradients(loaded, batch, 25, in, cls)) {
                            if (!Float.isFinite(v)) {
                                nan[0]++;
                                break;
                            }
                        }
                    }));
            lines.add(sg.get(0).line(null));
            lines.add(sg.get(1).line(sg.get(0)) + (nan[0] > 0 ? "  (" + nan[0] + " calls with a non-finite gradient)" : "  (no non-finite gradient)"));
            Stats pyGrads = new Stats("  the same 25 in one backward in PyTorch-Python (input gradients only)", numbers(py.call("time grads25 5 " + slowRuns), "times"));
            lines.add(pyGrads.line(null) + String.format(Locale.ROOT, "   → DJL ×%.2f (libtorch %s vs %s)", sg.get(1).percentile(50) / pyGrads.percentile(50),
                    Engine.getEngine("PyTorch").getVersion(), torchVersion));
            Stats pyGradsLast = new Stats("  the same with PyTorch-Python's model and input in channels_last memory", numbers(py.call("time grads25_last 5 " + slowRuns),
                    "times"));
            lines.add(pyGradsLast.line(null) + String.format(Locale.ROOT, "   → DJL ×%.2f", sg.get(1).percentile(50) / pyGradsLast.percentile(50)));

            // the first max pooling of the reference model on 32 drawings (conv → ReLU → max pool 2×2): (N, C, H, W) memory vs channels-last
            try (NDManager s = loaded.model().getNDManager().newSubManager()) {
                NDArray repeated = s.create(x, new Shape(1, in.channels(), in.height(), in.width())).repeat(0, 32);
                List<Block> layers = loaded.block().getChildren().values();
                ParameterStore store = new ParameterStore(s, false);
                NDArray lastChannels = layers.get(1).forward(store, layers.get(0).forward(store, new NDList(repeated), false), false).singletonOrThrow();
                Shape shape = lastChannels.getShape();
                NDArray planar = lastChannels.reshape(shape.get(0), -1).reshape(shape);   // the same values in (N, C, H, W) memory (the reshape copies)
                Shape two = new Shape(2, 2);
                List<Stats> pools = roundRobin(warmup, runs,
                        new Part("max pooling 2×2 of " + shape + " in (N, C, H, W) memory: DJL's Pool.maxPool2d", i -> {
                            try (NDManager t = s.newSubManager()) {
                                Pool.maxPool2d(planar, two, two, new Shape(0, 0), false).attach(t);
                            }
                        }),
                        new Part("  the same in channels-last memory, as the app's network has it after its activation (ChannelsLast)", i -> {
                            try (NDManager t = s.newSubManager()) {
                                Pool.maxPool2d(lastChannels, two, two, new Shape(0, 0), false).attach(t);
                            }
                        }),
                        new Part("  copying (N, C, H, W) memory into channels-last (ChannelsLast.of; the network's convolutions mostly give channels-last already)", i -> {
                            try (NDManager t = s.newSubManager()) {
                                planar.tempAttach(t);
                                ChannelsLast.of(planar);
                            }
                        }));
                lines.add(pools.get(0).line(null));
                lines.add(pools.get(1).line(pools.get(0)));
                lines.add(pools.get(2).line(pools.get(0)));
                Stats pyPool = new Stats("  nn.MaxPool2d in PyTorch-Python, no_grad, (N, C, H, W)", numbers(py.call("time pool " + warmup + " " + runs + " 0"), "times"));
                Stats pyPoolLast = new Stats("  nn.MaxPool2d in PyTorch-Python, no_grad, channels_last", numbers(py.call("time pool " + warmup + " " + runs + " 1"), "times"));
                lines.add(pyPool.line(null) + String.format(Locale.ROOT, "   → DJL ×%.2f", pools.get(0).percentile(50) / pyPool.percentile(50)));
                lines.add(pyPoolLast.line(null) + String.format(Locale.ROOT, "   → DJL ×%.2f", pools.get(1).percentile(50) / pyPoolLast.percentile(50)));
            }

            // LIME's network part alone: 500 masked copies (6×6 patches on or off: 5×5 of them on 28×28), 16 no-grad passes of ≤ 32, p_c out
            float[] masked = new float[500 * n];
            for (int i = 0; i < 500; i++) {
                boolean[] on = new boolean[25];
                for (int seg = 0; seg < 25; seg++) on[seg] = i == 0 || random.nextBoolean();
                for (int p = 0; p < n; p++) masked[i * n + p] = on[(p / in.width() % in.height() / 6) * 5 + p % in.width() / 6] ? x[p] : 0;
            }
            for (int chunk : new int[] {32, 4, 8, 16, 64}) {
                Stats djlLime = Stats.measure("LIME-500's network part: no-grad passes of ≤ " + chunk + " (model open)", 5, slowRuns, i -> {
                    for (int start = 0; start < 500; start += chunk) {
                        int b = Math.min(chunk, 500 - start);
                        try (NDManager s = loaded.model().getNDManager().newSubManager(); Autograd.Held off = Autograd.withoutGradients()) {
                            NDArray xs = s.create(Arrays.copyOfRange(masked, start * n, (start + b) * n), new Shape(b, in.channels(), in.height(), in.width()));
                            loaded.block().forward(new ParameterStore(s, false), new NDList(xs), false).singletonOrThrow().softmax(-1).get(":, " + cls)
                                    .toFloatArray();
                        }
                    }
                });
                lines.add(djlLime.line(null));
                Stats pyLime = new Stats("  the same in PyTorch-Python", numbers(py.call("time lime_forward 5 " + slowRuns + " " + chunk), "times"));
                lines.add(pyLime.line(null) + String.format(Locale.ROOT, "   → DJL ×%.2f", djlLime.percentile(50) / pyLime.percentile(50)));
            }
        }
        return lines;
    }

    private record Part(String name, Stats.Body body) {
    }

    /** Each part run once per round, in turn, so that all see the same machine load. */
    private static List<Stats> roundRobin(int warmup, int runs, Part... parts) throws Exception {
        for (int w = 0; w < warmup; w++) for (Part part : parts) part.body().run(w);
        double[][] millis = new double[parts.length][runs];
        for (int r = 0; r < runs; r++) {
            for (int j = 0; j < parts.length; j++) {
                long t0 = System.nanoTime();
                parts[j].body().run(warmup + r);
                millis[j][r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        List<Stats> out = new ArrayList<>();
        for (int j = 0; j < parts.length; j++) out.add(new Stats(parts[j].name(), millis[j]));
        return out;
    }

    /** Some rows again at the engine's default intra-op threads (a process-wide setting in PyTorch 2), as the app runs them. */
    private static List<String> appThreads(List<Computation> computations, Map<String, Stats> oneThread, int threads, int warmup, int runs,
                                           int slowRuns) throws Exception {
        List<String> lines = new ArrayList<>();
        TrainingProbe.setEngineThreads(threads);
        try {
            for (Computation comp : computations) {
                if (comp.python() == null || !List.of("maps", "vanilla", "smoothgrad", "lime").contains(comp.python())) continue;
                Stats s = Stats.measure("DJL " + comp.name() + ", " + TrainingProbe.engineThreads() + " threads", comp.slow() ? 5 : warmup,
                        Math.max(10, (comp.slow() ? slowRuns : runs) / 4), comp.djl());
                lines.add(s.line(oneThread.get(comp.python())));
            }
        } finally {
            TrainingProbe.setEngineThreads(THREADS);
        }
        return lines;
    }

    private static int countPlanes(List<long[]> shapes) {
        int n = 0;
        for (long[] s : shapes) n += s.length == 4 ? (int) Math.min(s[1], InspectionService.MAX_MAPS) : 1;
        return n;
    }

    private static int countMaps(Inspection inspection) {
        return inspection.layers().stream().mapToInt(l -> l.maps().size()).sum() + inspection.filters().size() + 1;
    }

    /** What InspectionService does to show the maps: each layer's range, each channel (and the filters, the input) as a PNG. */
    private static void render(List<float[]> activations, List<long[]> shapes, float[] weights, float[] x, TensorShape in) {
        for (int l = 0; l < activations.size(); l++) InspectionService.layer(l, "layer", true, shapes.get(l), activations.get(l));
        double scale = MapRenderer.maxAbs(weights);
        for (int f = 0; f < weights.length / 9; f++) MapRenderer.render(Arrays.copyOfRange(weights, f * 9, f * 9 + 9), 3, 3, Colormap.DIVERGING, scale).png();
        PngEncoder.encode(PixelImage.fromUnit(in.channels(), in.height(), in.width(), x));
    }

    /** ∂S_c/∂x for b inputs through one backward pass, as SaliencyService.rawGradients does it. */
    private static float[] gradients(ModelRunner.Loaded loaded, float[] batch, int b, TensorShape in, int c) {
        try (NDManager s = loaded.model().getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(s, false);
            NDArray x = s.create(batch, new Shape(b, in.channels(), in.height(), in.width()));
            x.setRequiresGradient(true);
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = s.getEngine().newGradientCollector()) {
                NDArray z = loaded.block().forward(store, new NDList(x), false).singletonOrThrow();
                collector.backward(z.get(":, " + c).sum());
            }
            return x.getGradient().toFloatArray();
        }
    }

    private static float[] logits(ModelRunner.Loaded loaded, float[] x, TensorShape in) {
        try (NDManager s = loaded.model().getNDManager().newSubManager()) {
            NDArray a = s.create(x, new Shape(1, in.channels(), in.height(), in.width()));
            return loaded.block().forward(new ParameterStore(s, false), new NDList(a), false).singletonOrThrow().toFloatArray();
        }
    }

    // ---------------------------------------------------------------- the reference model

    /** The model and how its training ended. */
    private record Trained(TrainedModel model, TrainingProgress progress) {
    }

    /**
     * ReferenceModel's recipe (500 MNIST digits per class, 10 % held out, Adam 0.002, batch 32, seed 2026) through the real
     * TrainingService, but {@link #EPOCHS} epochs instead of 3 to keep the benchmark short: the weights only need to be real, not best.
     */
    private static Trained train() throws Exception {
        DatasetCatalog catalog = new DatasetCatalog();
        TrainingService training = new TrainingService(TrainingLimits.defaults(), FACTORY, NETWORK_LIMITS);
        try {
            TrainingRequest r = new TrainingRequest(StudentId.random(), ReferenceModel.NETWORK, catalog.load("mnist", List.of(), 500, 2026),
                    OptimizerSpec.adam(0.002), 32, EPOCHS, 0.1, 2026, "REFERENCE", catalog.test("mnist", List.of(), 100, 2026).orElse(null));
            TrainingProgress submitted = training.submit(r);
            CompletableFuture<TrainingProgress> done = new CompletableFuture<>();
            Runnable stop = training.watch(submitted.jobId(), p -> {
                if (p.finished()) done.complete(p);
            });
            TrainingProgress p;
            try {
                p = done.get(10, TimeUnit.MINUTES);
            } finally {
                stop.run();
            }
            if (p.state() != TrainingProgress.State.DONE) throw new IllegalStateException("the reference model's training ended " + p.state());
            return new Trained(training.trained(r.student(), p.jobId()).orElseThrow(), p);
        } finally {
            training.close();
        }
    }

    // ---------------------------------------------------------------- PyTorch-Python

    /** The Python process: one command a line on its stdin, its answer up to "done". */
    private static final class Python implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final Writer in;
        private final List<String> transcript = new ArrayList<>();

        Python(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        }

        /** Sends the command (none: reads the start-up lines, up to the "threads" line) and returns the answer's lines. */
        List<String> call(String command) throws IOException, InterruptedException {
            if (command != null) {
                in.write(command + "\n");
                in.flush();
                if (command.equals("quit")) {
                    in.close();
                    if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) throw failed();
                    return List.of();
                }
            }
            List<String> lines = new ArrayList<>();
            for (String line; (line = out.readLine()) != null; ) {
                transcript.add(line);
                if (command == null ? line.startsWith("threads") : line.equals("done")) {
                    if (command == null) lines.add(line);
                    return lines;
                }
                lines.add(line);
            }
            process.waitFor(1, TimeUnit.MINUTES);
            throw failed();
        }

        private IllegalStateException failed() {
            return new IllegalStateException("PyTorch-Python failed (python3-torch; CNNLAB_PYTHON overrides /usr/bin/python3):\n"
                    + String.join("\n", transcript));
        }

        @Override
        public void close() {
            process.destroy();
        }
    }

    private static double[] numbers(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key + " ")) return Arrays.stream(line.substring(key.length() + 1).trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
        }
        throw new IllegalStateException("no '" + key + "' from PyTorch-Python: " + lines);
    }

    private static String mapAgreement(String name, float[] djl, double[] python) {
        double scale = 0;
        for (float v : djl) scale = Math.max(scale, Math.abs(v));
        double error = maxDifference(djl, python);
        if (djl.length != python.length || !(error <= MAP_TOLERANCE * scale + 1e-7)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "DJL and PyTorch-Python disagree on the %s map: %d vs %d values, max |difference| "
                    + "%.3g of max %.3g", name, djl.length, python.length, error, scale));
        }
        return String.format(Locale.ROOT, "%s map max |Δ| %.1e of max %.2g", name, error, scale);
    }

    private static double maxDifference(float[] a, double[] b) {
        if (a.length != b.length) return Double.POSITIVE_INFINITY;
        double m = 0;
        for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
        return m;
    }

    private static byte[] littleEndian(float[]... arrays) {
        int n = 0;
        for (float[] a : arrays) n += a.length;
        ByteBuffer bytes = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] a : arrays) for (float v : a) bytes.putFloat(v);
        return bytes.array();
    }
}
