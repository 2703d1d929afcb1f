package org.cnnlab.training;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import com.sun.management.OperatingSystemMXBean;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.NativeMemory;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.models.EpochMetrics;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkSpec;

/**
 * The training benchmark's window into the package: {@link TrainingRun} itself timed batch by batch,
 * copies of its per-batch step with one change each (to see where the time goes; the production
 * code is not touched), and the real evaluation pass over a test set. Benchmark code, not a test.
 */
public final class TrainingProbe {

    private TrainingProbe() {
    }

    /** How a timed {@link TrainingRun} ended, and System.nanoTime() at the end of every batch. */
    public record Timed(TrainingProgress.State state, long[] batchEnds, long[] batchCpuEnds, int batchesPerEpoch, long pageFaults) {
    }

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU time of the whole process (every thread: ours, PyTorch's intra-op pool, JIT, GC). */
    public static long processCpuNanos() {
        return OS.getProcessCpuTime();
    }

    /** CPU time of the calling thread: with one intra-op thread, every tensor op of the step runs on it. */
    public static long threadCpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The real {@link TrainingRun#run}, as TrainingService runs it, with a clock on every batch. */
    public static Timed run(NetworkFactory factory, TrainingRequest request) {
        long faults = processPageFaults();
        List<Long> ends = new ArrayList<>();
        List<Long> cpuEnds = new ArrayList<>();
        long[] perEpoch = new long[1];
        TrainingRun.Outcome outcome = TrainingRun.run(factory, new DatasetCatalog(), request, Long.MAX_VALUE / 4, () -> false, new TrainingRun.Listener() {
            @Override
            public void batch(int epoch, long step, long totalSteps, double loss) {
                ends.add(System.nanoTime());
                cpuEnds.add(processCpuNanos());
                if (epoch == 1) perEpoch[0] = step;
            }

            @Override
            public void epoch(EpochMetrics metrics) {
            }

            @Override
            public void confusion(int[][] matrix, boolean onTestSet) {
            }

            @Override
            public void trained(byte[] parameters) {
            }

            @Override
            public void shifted(double[] accuracyByShift) {
            }
        });
        return new Timed(outcome.state(), ends.stream().mapToLong(Long::longValue).toArray(),
                cpuEnds.stream().mapToLong(Long::longValue).toArray(), (int) perEpoch[0], processPageFaults() - faults);
    }

    /**
     * The change the benchmark recommends for TrainingRun: glibc's malloc keeps freed memory instead
     * of handing it back to the kernel after every batch. By default a freed tensor above the
     * (adaptive) mmap threshold is unmapped, and freed heap top above the trim threshold is
     * trimmed, so the next batch's tensors fault in fresh zeroed pages (thousands of minor page
     * faults a batch, measured). Fixing both thresholds (mallopt M_MMAP_THRESHOLD 32 MB, the most
     * glibc accepts, and M_TRIM_THRESHOLD 1 GB) lets every batch reuse the last one's memory; the
     * process keeps its peak batch working set. Process-wide and not undoable; returns false off glibc.
     */
    public static boolean keepFreedMemory() {
        return NativeMemory.keepFreedMemoryNow();
    }

    /** Minor page faults of the whole process so far (Linux), or −1. */
    public static long processPageFaults() {
        try {
            String s = Files.readString(Path.of("/proc/self/stat"));
            return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).split(" ")[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Minor page faults of the calling thread so far (Linux), or −1. */
    public static long threadPageFaults() {
        try {
            String s = Files.readString(Path.of("/proc/thread-self/stat"));
            return Long.parseLong(s.substring(s.lastIndexOf(')') + 2).split(" ")[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Intra-op threads of the PyTorch engine DJL loaded (torch.get_num_threads()). */
    public static int engineThreads() {
        Engine.getEngine("PyTorch");   // loads libtorch first
        return JniUtils.getNumThreads();
    }

    public static void setEngineThreads(int threads) {
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
    }

    /** Test accuracy of a trained model on {@code test}, through TrainingRun's own evaluation pass. */
    public static double testAccuracy(NetworkFactory factory, TrainedModel trained, LabelledImages test, int batch) {
        try (Model model = Model.newInstance("cnnlab-bench-test", Device.cpu(), "PyTorch")) {
            model.setBlock(factory.build(trained.network()));
            model.getBlock().loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(trained.parameters())));
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()))) {
                return TrainingRun.evaluate(trainer, test, batch, false).accuracy();
            }
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One change each against a copy of {@code TrainingRun.trainBatch} (BASELINE). ACCURACY_* count
     * the correct predictions differently; STEP_DIRECT updates each parameter with the optimizer
     * itself instead of {@code trainer.step()}; DIRECT_BUFFER feeds the batch through one reused
     * direct buffer; COMBINED is the recommended change.
     */
    public enum Variant {
        BASELINE, NO_ACCURACY, ACCURACY_ON_HOST, ACCURACY_INT64_LABELS, STEP_DIRECT, DIRECT_BUFFER, COMBINED
    }

    /** Thread CPU milliseconds per batch of each phase of the copied step (BASELINE; meaningful with one intra-op thread). */
    public static final String[] PHASES = {"x,y from float[]", "forward", "loss", "backward", "loss.getFloat", "accuracy",
            "trainer.step", "sub-manager close"};

    /** A model, its trainer and its optimizer, as TrainingRun sets them up, to time a variant on. */
    public static final class Bench implements AutoCloseable {
        private final Model model;
        private final Trainer trainer;
        private final Optimizer optimizer;
        private final Variant variant;
        private final List<Pair<String, Parameter>> parameters;
        private ByteBuffer direct;
        public final double[] phaseNanos = new double[PHASES.length];
        public long batches;
        public long pageFaults;

        public Bench(NetworkFactory factory, NetworkSpec spec, OptimizerSpec o, Variant variant) {
            this.variant = variant;
            model = Model.newInstance("cnnlab-bench", Device.cpu(), "PyTorch");
            model.setBlock(factory.build(spec));
            optimizer = TrainingRun.optimizer(o);
            trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer));
            trainer.initialize(new Shape(1, spec.input().channels(), spec.input().height(), spec.input().width()));
            parameters = model.getBlock().getParameters().stream().filter(p -> p.getValue().requiresGradient()).toList();
        }

        public Variant variant() {
            return variant;
        }

        /** One gradient step on {@code b}; loss and correct count, like TrainingRun.trainBatch. */
        public double[] step(LabelledImages b) {
            return variant == Variant.BASELINE ? baseline(b) : changed(b);
        }

        /** TrainingRun.trainBatch as it is, with a clock between the phases. */
        private double[] baseline(LabelledImages b) {
            long f0 = threadPageFaults();
            long t0 = threadCpuNanos();
            long[] t = new long[PHASES.length];
            double loss;
            float correct;
            NDManager scope = trainer.getManager().newSubManager();
            try {
                NDArray x = scope.create(b.pixels(), new Shape(b.size(), b.channels(), b.height(), b.width()));
                NDArray y = scope.create(TrainingRun.toFloats(b.labels()), new Shape(b.size()));
                t[0] = threadCpuNanos();
                try (GradientCollector gradients = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    t[1] = threadCpuNanos();
                    NDArray l = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    t[2] = threadCpuNanos();
                    gradients.backward(l);
                    t[3] = threadCpuNanos();
                    loss = l.getFloat();
                    t[4] = threadCpuNanos();
                    correct = logits.argMax(1).toType(DataType.INT32, false).eq(y.toType(DataType.INT32, false))
                            .toType(DataType.FLOAT32, false).sum().getFloat();
                    t[5] = threadCpuNanos();
                }
                if (Double.isFinite(loss)) {
                    trainer.step();
                }
                t[6] = threadCpuNanos();
            } finally {
                scope.close();
            }
            t[7] = threadCpuNanos();
            long previous = t0;
            for (int i = 0; i < t.length; i++) {
                phaseNanos[i] += t[i] - previous;
                previous = t[i];
            }
            batches++;
            pageFaults += threadPageFaults() - f0;
            return new double[] {loss, correct};
        }

        private double[] changed(LabelledImages b) {
            boolean host = variant == Variant.ACCURACY_ON_HOST || variant == Variant.COMBINED;
            boolean int64 = variant == Variant.ACCURACY_INT64_LABELS;
            boolean directStep = variant == Variant.STEP_DIRECT || variant == Variant.COMBINED;
            boolean directBuffer = variant == Variant.DIRECT_BUFFER;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                Shape xShape = new Shape(b.size(), b.channels(), b.height(), b.width());
                NDArray x;
                if (directBuffer) {
                    int bytes = b.pixels().length * Float.BYTES;
                    if (direct == null || direct.capacity() < bytes) direct = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
                    direct.clear();
                    direct.asFloatBuffer().put(b.pixels());
                    direct.limit(bytes);
                    x = scope.create(direct, xShape, DataType.FLOAT32);
                } else {
                    x = scope.create(b.pixels(), xShape);
                }
                NDArray y = int64 ? scope.create(toLongs(b.labels()), new Shape(b.size()))
                        : scope.create(TrainingRun.toFloats(b.labels()), new Shape(b.size()));
                double loss;
                double correct;
                try (GradientCollector gradients = trainer.newGradientCollector()) {
                    NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                    NDArray l = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                    gradients.backward(l);
                    loss = l.getFloat();
                    if (variant == Variant.NO_ACCURACY) {
                        correct = 0;
                    } else if (host) {
                        long[] predicted = logits.argMax(1).toLongArray();
                        int right = 0;
                        for (int i = 0; i < predicted.length; i++) if (predicted[i] == b.labels()[i]) right++;
                        correct = right;
                    } else if (int64) {
                        correct = logits.argMax(1).eq(y).sum().getLong();
                    } else {
                        correct = logits.argMax(1).toType(DataType.INT32, false).eq(y.toType(DataType.INT32, false))
                                .toType(DataType.FLOAT32, false).sum().getFloat();
                    }
                }
                if (Double.isFinite(loss)) {
                    if (directStep) {
                        for (Pair<String, Parameter> p : parameters) {
                            NDArray weight = p.getValue().getArray();
                            try (NDArray grad = weight.getGradient()) {
                                optimizer.update(p.getValue().getId(), weight, grad);
                            }
                        }
                    } else {
                        trainer.step();
                    }
                }
                return new double[] {loss, correct};
            }
        }

        @Override
        public void close() {
            trainer.close();
            OptimizerStates.close(optimizer);
            model.close();
        }
    }

    private static long[] toLongs(int[] labels) {
        long[] l = new long[labels.length];
        for (int i = 0; i < labels.length; i++) l[i] = labels[i];
        return l;
    }

}
