package org.cnnlab.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.cnnlab.base.StudentId;
import org.cnnlab.dataset.DataHeader;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.models.EpochMetrics;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.models.TrainingRecord;
import org.cnnlab.training.TrainingProgress.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run in the class queue: its request, what its worker has reported so far, and who watches
 * it. The worker thread writes (through {@link JobListener}); request threads read a
 * {@link #snapshot} at any time. The job does not know the queue: its place in line and the next
 * run of its series come from {@link TrainingService}.
 */
final class TrainingJob {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJob.class);
    private static final int CURVE_POINTS = 2_000;

    final long id;
    final long series;            // the id of the series' first job; a lone job is a series of one
    final long parameters;
    final String address;         // the network address whose anonymous caps it counts toward; null: none
    private volatile TrainingRequest request;   // without its images once finished
    private final List<Consumer<TrainingProgress>> watchers = new CopyOnWriteArrayList<>();
    private final List<Double> batchLosses = new ArrayList<>();   // guarded by this
    private final List<EpochMetrics> epochs = new ArrayList<>();  // guarded by this
    private volatile State state = State.QUEUED;
    private volatile boolean cancelled;
    private volatile boolean paused;
    private volatile int epoch;
    private volatile long step;
    private volatile long totalSteps;
    private volatile String messageKey;
    private volatile Object[] messageArgs;
    private volatile int[][] confusion;
    private volatile boolean onTestSet;
    private volatile TrainedModel trained;
    private volatile List<Double> byShift = List.of();
    private volatile List<TrainingProgress.WrongExample> mistakes = List.of();
    private volatile long startedMillis;
    private volatile long finishedMillis;
    private volatile long wallMillis;     // its wall-time limit, fixed when it starts
    private volatile long pausedMillis;

    TrainingJob(long id, long series, TrainingRequest request, long parameters, String address) {
        this.id = id;
        this.series = series;
        this.request = request;
        this.parameters = parameters;
        this.address = address;
    }

    TrainingRequest request() {
        return request;
    }

    StudentId student() {
        return request.student();
    }

    State state() {
        return state;
    }

    boolean active() {
        return state == State.RUNNING || state == State.PAUSED;
    }

    boolean finished() {
        return state != State.QUEUED && !active();
    }

    boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    boolean pauseRequested() {
        return paused;
    }

    void requestPause(boolean pause) {
        paused = pause;
    }

    TrainedModel trained() {
        return trained;
    }

    long wallMillis() {
        return wallMillis;
    }

    /** Taken from the queue by a worker: it counts as running from now. */
    void taken() {
        state = State.RUNNING;
    }

    /** The worker starts it, with this wall-time limit. */
    void start(long wallMillis) {
        this.wallMillis = wallMillis;
        startedMillis = System.currentTimeMillis();
    }

    void batch(int epoch, long step, long totalSteps, double loss) {
        this.epoch = epoch;
        this.step = step;
        this.totalSteps = totalSteps;
        synchronized (this) {
            if (batchLosses.size() < CURVE_POINTS) batchLosses.add(loss);
        }
    }

    synchronized void epoch(EpochMetrics metrics) {
        epochs.add(metrics);
    }

    void confusion(int[][] matrix, boolean onTestSet) {
        this.onTestSet = onTestSet;
        this.confusion = matrix;
    }

    void shifted(double[] accuracyByShift) {
        byShift = Arrays.stream(accuracyByShift).boxed().toList();
    }

    void mistakes(List<TrainingRun.Mistake> wrong) {
        DataHeader data = request.data().header();
        mistakes = wrong.stream().map(m -> new TrainingProgress.WrongExample(
                PngEncoder.encode(PixelImage.fromUnit(data.channels(), data.height(), data.width(), m.pixels())),
                data.classes().get(m.trueClass()), data.classes().get(m.predicted()), m.confidence())).toList();
    }

    /** The learned parameters, with the record of how they were learned (after the confusion matrix). */
    void trained(byte[] learned) {
        TrainingRequest r = request;
        List<EpochMetrics> curves;
        synchronized (this) {
            curves = List.copyOf(epochs);
        }
        double accuracy = confusion == null ? Double.NaN : TrainingProgress.accuracy(confusion);
        trained = new TrainedModel(r.network(), r.data().header().classes(), learned,
                new TrainingRecord(r.data().header().id(), r.name(), r.optimizer(), r.batchSize(), r.epochs(), r.seed(),
                        curves, accuracy, onTestSet, runningSeconds()));
    }

    /** Its worker node died and another starts it again from the first batch. */
    synchronized void restarted() {
        batchLosses.clear();
        epochs.clear();
        epoch = 0;
        step = 0;
        pausedMillis = 0;
        startedMillis = System.currentTimeMillis();
    }

    /** The pause time this job has left of its budget. */
    long pauseLeftMillis(TrainingLimits limits) {
        return limits.maxPauseSeconds() * 1000L - pausedMillis;
    }

    /**
     * Runs on the job's worker before every batch: while a pause is asked for, waits (PAUSED),
     * until resumed, stopped, its pause budget is spent or its wall time is up (the run then stops
     * at its next batch), and returns the milliseconds it waited. {@code changed} tells the
     * watchers each time the state changes.
     */
    long holdWhilePaused(TrainingLimits limits, BooleanSupplier closed, Runnable changed) {
        if (!paused) return 0;
        long start = System.currentTimeMillis();
        long wallLeft = startedMillis + limits.maxWallSeconds() * 1000L - start;
        long left = Math.min(pauseLeftMillis(limits), wallLeft);
        state = State.PAUSED;
        changed.run();
        try {
            while (paused && !cancelled && !closed.getAsBoolean() && System.currentTimeMillis() - start < left) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paused = false;
        state = State.RUNNING;
        long waited = System.currentTimeMillis() - start;
        pausedMillis += waited;
        changed.run();
        return waited;
    }

    /** The run ended (or was cancelled while it waited); it keeps its numbers, not its megabytes of images. */
    void finish(State end, String key, Object... args) {
        request = request.withoutImages();
        finishedMillis = System.currentTimeMillis();
        state = end;
        messageKey = key;
        messageArgs = args;
    }

    /** Running longer than its wall-time limit plus {@code graceMillis} (it checks the limit before every batch, so it is stuck). */
    boolean overdue(long now, long graceMillis) {
        return active() && startedMillis > 0 && wallMillis > 0 && now - startedMillis > wallMillis + graceMillis;
    }

    long runningMillis(long now) {
        return now - startedMillis;
    }

    /** Seconds spent training so far (or in all, once finished), paused time left out. */
    double runningSeconds() {
        if (startedMillis == 0) return 0;
        long end = finishedMillis == 0 ? System.currentTimeMillis() : finishedMillis;
        return (end - startedMillis - pausedMillis) / 1000.0;
    }

    int epochNow() {
        return epoch;
    }

    /** Its state as plain data: {@code position} in the queue (0 unless waiting), {@code next} run of its series or −1. */
    TrainingProgress snapshot(int position, long next) {
        List<Double> losses;
        List<EpochMetrics> curves;
        synchronized (this) {
            losses = List.copyOf(batchLosses);
            curves = List.copyOf(epochs);
        }
        TrainingRequest r = request;
        return new TrainingProgress(id, state, position, epoch, r.epochs(), step, totalSteps, losses, curves, messageKey, messageArgs,
                confusion, startedMillis, r.name(), parameters, runningSeconds(), byShift, mistakes, next, onTestSet);
    }

    /** Calls {@code watcher} with every snapshot {@link #tell} sends; run the returned action to stop. */
    Runnable watch(Consumer<TrainingProgress> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Sends a snapshot to every watcher; one that throws is removed, the others still hear it. */
    void tell(TrainingProgress progress) {
        for (Consumer<TrainingProgress> watcher : watchers) {
            try {
                watcher.accept(progress);
            } catch (RuntimeException e) {
                LOG.warn("A training watcher failed; removing it", e);
                watchers.remove(watcher);
            }
        }
    }
}
