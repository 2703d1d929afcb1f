package org.cnnlab.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.cnnlab.base.Autograd;
import org.cnnlab.base.NativeMemory;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.dataset.LabelledImages;
import org.cnnlab.dataset.Shift;
import org.cnnlab.dataset.Shuffle;
import org.cnnlab.models.EpochMetrics;
import org.cnnlab.models.OptimizerSpec;
import org.cnnlab.network.NetworkFactory;

/**
 * One training job with DJL: mini-batch gradient descent on the softmax cross-entropy
 * L = −(1/B) Σ_b log softmax(z_b)[y_b], an optional validation pass after each epoch. The model,
 * its trainer and every batch's tensors are closed here; cancellation and the wall-time limit
 * are checked before every batch. A loss that is not finite, or that climbs past 100 times the
 * first batch's (softmax cross-entropy stays finite while the weights blow up), stops the run as
 * diverged.
 */
public final class TrainingRun {

    public interface Listener {
        void batch(int epoch, long step, long totalSteps, double loss);

        void epoch(EpochMetrics metrics);

        /** Rows: true class; columns: predicted class; after the last epoch, on the test images if there are any, else on the validation images. */
        void confusion(int[][] matrix, boolean onTestSet);

        /** The learned parameters in DJL's serialised form, once the run is done. */
        void trained(byte[] parameters);

        /** Held-out accuracy (as for the confusion matrix) with the images shifted by 0…{@value #MAX_SHIFT} pixels. */
        void shifted(double[] accuracyByShift);

        /** Up to {@value #MAX_MISTAKES} held-out images (as for the confusion matrix) the final model gets wrong, most confident first. */
        default void mistakes(List<Mistake> mistakes) {
        }

        /** Called before every batch: returns once the run is not paused, with the milliseconds it waited. */
        default long holdWhilePaused() {
            return 0;
        }

        /** Whether the student asked for a pause (a worker node pauses its run when the app node's job is). */
        default boolean pauseRequested() {
            return false;
        }

        /** The run starts again from its first batch (its worker node died and another took it over). */
        default void restarted() {
        }
    }

    /** A validation image the model gets wrong: its pixels (C×H×W, 0…1), true and predicted class, and p(predicted). */
    public record Mistake(float[] pixels, int trueClass, int predicted, double confidence) implements Serializable {
    }

    /** How the run ended: a state, and for DIVERGED/FAILED the i18n key and its arguments. */
    public record Outcome(TrainingProgress.State state, String messageKey, Object... messageArgs) implements Serializable {
    }

    static {
        NativeMemory.keepFreedMemory();   // before PyTorch allocates a batch: see NativeMemory
    }

    static final int MAX_SHIFT = 8;
    static final int MAX_MISTAKES = 24;

    private TrainingRun() {
    }

    /** Makes the request's images (they live as long as this call), trains, and reports to {@code listener}. */
    public static Outcome run(NetworkFactory factory, DatasetCatalog catalog, TrainingRequest r, long wallMillis, BooleanSupplier cancelled,
                       Listener listener) {
        TrainingData.Made made = r.data().make(catalog);
        LabelledImages[] split = split(made.train(), r.validationSplit(), r.seed());
        LabelledImages train = split[0];
        LabelledImages validation = split[1];
        int batch = Math.min(r.batchSize(), train.size());
        long batchesPerEpoch = (train.size() + batch - 1) / batch;
        long total = batchesPerEpoch * r.epochs();
        long started = System.currentTimeMillis();
        Random random = new Random(r.seed());
        try (Model model = Model.newInstance("cnnlab-training", Device.cpu(), "PyTorch")) {
            // the same seed gives the same initial weights (and noisy-SGD noise): one job at a time uses the engine's generator
            Engine.getEngine("PyTorch").setRandomSeed((int) r.seed());
            model.setBlock(factory.build(r.network()));
            Optimizer optimizer = optimizer(r.optimizer());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(optimizer);
            try (Trainer trainer = model.newTrainer(config)) {
                Outcome outcome = train(trainer, train, validation, made.test(), r, batch, total, started, wallMillis, random, cancelled, listener);
                if (outcome.state() == TrainingProgress.State.DONE) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    model.getBlock().saveParameters(new DataOutputStream(bytes));
                    listener.trained(bytes.toByteArray());
                }
                return outcome;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                OptimizerStates.close(optimizer);
            }
        }
    }

    private static Outcome train(Trainer trainer, LabelledImages train, LabelledImages validation, LabelledImages test, TrainingRequest r, int batch,
                                 long total, long started, long wallMillis, Random random, BooleanSupplier cancelled,
                                 Listener listener) {
        trainer.initialize(new Shape(1, train.channels(), train.height(), train.width()));
        long step = 0;
        double firstLoss = Double.NaN;
        for (int epoch = 1; epoch <= r.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            long pausedNanos = 0;
            int[] order = Shuffle.permutation(train.size(), random);
            double lossSum = 0;
            long correct = 0;
            for (int start = 0; start < train.size(); start += batch) {
                long held = listener.holdWhilePaused();  // a pause counts against the wall-time limit (it holds the worker), not in the epoch's time
                pausedNanos += held * 1_000_000L;
                if (cancelled.getAsBoolean()) {
                    return new Outcome(TrainingProgress.State.CANCELLED, null);
                }
                if (System.currentTimeMillis() - started > wallMillis) {
                    return new Outcome(TrainingProgress.State.FAILED, "training.error.wallTime", wallMillis / 1000);
                }
                int[] indices = Arrays.copyOfRange(order, start, Math.min(start + batch, train.size()));
                double[] lossAndCorrect = trainBatch(trainer, train.subset(indices));
                step++;
                if (step == 1) firstLoss = lossAndCorrect[0];
                if (!Double.isFinite(lossAndCorrect[0]) || lossAndCorrect[0] > 100 * Math.max(firstLoss, 1)) {
                    return new Outcome(TrainingProgress.State.DIVERGED, "training.error.diverged", step);
                }
                lossSum += lossAndCorrect[0] * indices.length;
                correct += (long) lossAndCorrect[1];
                listener.batch(epoch, step, total, lossAndCorrect[0]);
            }
            Evaluation val = validation.size() == 0 ? null : evaluate(trainer, validation, batch, epoch == r.epochs() && test == null);
            listener.epoch(new EpochMetrics(epoch, lossSum / train.size(), (double) correct / train.size(),
                    val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                    (System.nanoTime() - epochStart - pausedNanos) / 1e9));
            LabelledImages heldOut = test != null ? test : validation;
            if (epoch == r.epochs() && heldOut.size() > 0) {
                Evaluation last = test != null ? evaluate(trainer, heldOut, batch, true) : val;
                listener.confusion(last.confusion(), test != null);
                listener.mistakes(last.mistakes());
                double[] byShift = new double[MAX_SHIFT + 1];
                for (int shift = 0; shift <= MAX_SHIFT; shift++) {
                    byShift[shift] = evaluate(trainer, shifted(heldOut, shift), batch, false).accuracy();
                }
                listener.shifted(byShift);
            }
        }
        return new Outcome(TrainingProgress.State.DONE, null);
    }

    /** Loss and number of correct predictions of one gradient step. */
    private static double[] trainBatch(Trainer trainer, LabelledImages b) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            NDArray x = scope.create(b.pixels(), new Shape(b.size(), b.channels(), b.height(), b.width())); // (B, C, H, W)
            NDArray y = scope.create(toFloats(b.labels()), new Shape(b.size()));                            // (B)
            double loss;
            float correct;
            try (Autograd.Held turn = Autograd.hold(); GradientCollector gradients = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();                          // (B, classes)
                NDArray l = trainer.getLoss().evaluate(new NDList(y), new NDList(logits));
                gradients.backward(l);
                loss = l.getFloat();
                correct = logits.argMax(1).toType(DataType.INT32, false).eq(y.toType(DataType.INT32, false))
                        .toType(DataType.FLOAT32, false).sum().getFloat(); // a count, exact in float up to 2^24
            }
            if (Double.isFinite(loss)) {
                trainer.step();
            }
            return new double[] {loss, correct};
        }
    }

    /** Mean loss and the confusion matrix (rows: true class, columns: predicted) of a data set, no update. */
    record Evaluation(double loss, int[][] confusion, List<Mistake> mistakes) {
        double accuracy() {
            return TrainingProgress.accuracy(confusion);
        }
    }

    /** Dropout off, BatchNorm on its running statistics. */
    static Evaluation evaluate(Trainer trainer, LabelledImages data, int batch, boolean collectMistakes) {
        double lossSum = 0;
        int k = data.classes().size();
        int[][] confusion = new int[k][k];
        List<Mistake> mistakes = new ArrayList<>();
        for (int start = 0; start < data.size(); start += batch) {
            LabelledImages b = data.slice(start, Math.min(start + batch, data.size()));
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(b.pixels(), new Shape(b.size(), b.channels(), b.height(), b.width()));
                NDArray y = scope.create(toFloats(b.labels()), new Shape(b.size()));
                NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                lossSum += trainer.getLoss().evaluate(new NDList(y), new NDList(logits)).getFloat() * b.size();
                long[] predicted = logits.argMax(1).toType(DataType.INT64, false).toLongArray();
                for (int i = 0; i < predicted.length; i++) confusion[b.labels()[i]][(int) predicted[i]]++;
                if (collectMistakes) {
                    float[] p = logits.softmax(1).toFloatArray();                                            // (B, classes)
                    for (int i = 0; i < predicted.length; i++) {
                        if (predicted[i] != b.labels()[i]) {
                            float[] pixels = b.image(i);
                            mistakes.add(new Mistake(pixels, b.labels()[i], (int) predicted[i], p[i * k + (int) predicted[i]]));
                        }
                    }
                    if (mistakes.size() > 4 * MAX_MISTAKES) keepMostConfident(mistakes);
                }
            }
        }
        keepMostConfident(mistakes);
        return new Evaluation(lossSum / data.size(), confusion, List.copyOf(mistakes));
    }

    private static void keepMostConfident(List<Mistake> mistakes) {
        mistakes.sort(Comparator.comparingDouble(Mistake::confidence).reversed());
        if (mistakes.size() > MAX_MISTAKES) mistakes.subList(MAX_MISTAKES, mistakes.size()).clear();
    }

    /**
     * The images moved by {@code shift} pixels, zeros coming in: even-numbered images to the right,
     * odd-numbered ones down, so both directions are tested.
     */
    static LabelledImages shifted(LabelledImages data, int shift) {
        if (shift == 0) return data;
        int h = data.height();
        int w = data.width();
        float[] out = new float[data.pixels().length];
        int n = data.imageSize();
        for (int i = 0; i < data.size(); i++) {
            Shift.image(data.pixels(), i * n, data.channels(), h, w, i % 2 == 0 ? shift : 0, i % 2 == 0 ? 0 : shift, out, i * n);
        }
        return new LabelledImages(data.id(), data.classes(), data.channels(), h, w, out, data.labels());
    }

    static Optimizer optimizer(OptimizerSpec o) {
        float lr = (float) o.learningRate();
        return switch (o.kind()) {
            case SGD -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(lr)).build();
            case MOMENTUM -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(lr)).optMomentum((float) o.momentum()).build();
            case NOISY_SGD -> new NoisySgd(lr, (float) o.noiseSigma());
            case ADAM -> Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).build();
        };
    }

    /** Training and validation parts: a seeded shuffle, the first ⌊n·split⌋ for validation. */
    static LabelledImages[] split(LabelledImages data, double validationSplit, long seed) {
        int[] order = Shuffle.permutation(data.size(), new Random(seed ^ 0x5DEECE66DL));
        int nVal = (int) Math.floor(data.size() * validationSplit);
        return new LabelledImages[] {
                data.subset(Arrays.copyOfRange(order, nVal, order.length)),
                data.subset(Arrays.copyOfRange(order, 0, nVal))};
    }


    static float[] toFloats(int[] labels) {
        float[] f = new float[labels.length];
        for (int i = 0; i < labels.length; i++) f[i] = labels[i];
        return f;
    }
}
