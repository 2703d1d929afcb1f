package org.cnnlab.descent;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.cnnlab.base.BackgroundThreads;
import org.cnnlab.base.DjlRuntime;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Runs the recap lesson's small optimisations. A fit plays on a shared scheduler: every
 * {@value #FRAME_MILLIS} ms it takes as many steps as its speed asks (within a time budget, so one
 * student's run never holds a thread long) and hands the view a plain snapshot — a capped frame
 * rate however fast it steps. A run stops when its view says so (on detach) and when the student's
 * session ends. Surfaces and the width sweep take turns on one background thread of their own, never on a UI thread.
 */
@Service
public class DescentService implements StudentState {
    private static final Logger LOG = LoggerFactory.getLogger(DescentService.class);
    static final long FRAME_MILLIS = 50;
    private static final long BUDGET_NANOS = 30_000_000L;
    public static final int MAX_SPEED = 200;
    public static final long MAX_FIT_STEPS = 200_000;
    public static final int MAX_SURFACE_STEPS = 5_000;
    public static final int MAX_SWEEP_STEPS = 20_000;
    private static final int MAX_SESSIONS_PER_STUDENT = 4;
    static final int SURFACE_SIZE = 320;

    /** A fit the view drives. */
    public interface FitSession {
        void play();

        void pause();

        /** One step, then a snapshot. */
        void stepOnce();

        /** Starts over with new settings (refused settings leave the run as it was). */
        void reset(FitSettings settings);

        /** Steps per frame, 1…{@value #MAX_SPEED}. */
        void speed(int stepsPerFrame);

        void stop();
    }

    /** A loss surface's heat map with trajectories drawn on it, and its range of losses. */
    public record SurfaceResult(LossSurface surface, byte[] png, int size, double minLoss, double maxLoss, List<Trajectory> trajectories) {
    }

    /** Universal approximation: the final loss for each width, and each width's loss curve. */
    public record Sweep(List<Integer> widths, List<Double> finalLoss, List<List<double[]>> curves) {
    }

    private final DjlRuntime djl;
    private final SurfaceDescent surfaces;
    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "cnnlab-descent");
        t.setDaemon(true);
        return t;
    });
    private final Map<StudentId, List<Session>> sessions = new ConcurrentHashMap<>();
    /**
     * Width sweeps and surfaces take seconds of CPU: they run one at a time on a thread of their own,
     * so the live fits on {@link #threads} never wait behind them, and a student has one sweep at a time.
     */
    private final ExecutorService heavy = Executors.newSingleThreadExecutor(BackgroundThreads.named("cnnlab-descent-sweep"));
    private final Set<StudentId> sweeping = ConcurrentHashMap.newKeySet();

    public DescentService(DjlRuntime djl) {
        this.djl = djl;
        this.surfaces = new SurfaceDescent(djl);
    }

    public FitSession fit(StudentId student, FitSettings settings, Consumer<FitSnapshot> view) {
        Session session = new Session(student, new FitRun(settings, djl::newScope), view);
        List<Session> mine = sessions.computeIfAbsent(student, s -> new CopyOnWriteArrayList<>());
        mine.add(session);
        while (mine.size() > MAX_SESSIONS_PER_STUDENT) mine.getFirst().stop();   // an old tab's runs give way
        session.publish();
        return session;
    }

    /** Where each optimiser goes from (w₁, w₂), and the surface under them. */
    public CompletableFuture<SurfaceResult> surface(LossSurface s, double w1, double w2, List<FitSettings> optimisers, int steps) {
        if (steps < 1 || steps > MAX_SURFACE_STEPS) throw new InvalidInputException("descent.error.steps", 1, MAX_SURFACE_STEPS);
        if (!Double.isFinite(w1) || !Double.isFinite(w2)) throw new InvalidInputException("descent.error.start");
        List<FitSettings> checked = optimisers.stream().map(o -> o.withWidth(1).checked()).toList();
        return CompletableFuture.supplyAsync(() -> {
            List<Trajectory> runs = new ArrayList<>();
            for (FitSettings o : checked) runs.add(surfaces.descend(s, w1, w2, o, steps));
            float[] values = surfaces.grid(s, SURFACE_SIZE);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float v : values) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            return new SurfaceResult(s, SurfacePicture.render(s, values, SURFACE_SIZE, runs), SURFACE_SIZE, min, max, runs);
        }, heavy);
    }

    /** The parameters under a clicked pixel of the surface's picture. */
    public double[] pointAt(LossSurface s, double x, double y, double shownSize) {
        return SurfacePicture.at(s, x / shownSize * (SURFACE_SIZE - 1), y / shownSize * (SURFACE_SIZE - 1), SURFACE_SIZE);
    }

    /** Gradient descent with one rule on a surface ({@link SurfaceDescent#descend}). */
    public Trajectory descend(LossSurface s, double w1, double w2, FitSettings o, int steps) {
        return surfaces.descend(s, w1, w2, o, steps);
    }

    /**
     * The same target fitted with each width, {@code steps} steps each: the final loss falls as the
     * width grows. One sweep per student at a time; sweeps of the class take turns on their own thread.
     */
    public CompletableFuture<Sweep> widthSweep(StudentId student, FitSettings base, List<Integer> widths, int steps, Consumer<Double> progress) {
        if (steps < 1 || steps > MAX_SWEEP_STEPS) throw new InvalidInputException("descent.error.steps", 1, MAX_SWEEP_STEPS);
        widths.forEach(w -> base.withWidth(w).checked());
        if (!sweeping.add(student)) throw new InvalidInputException("descent.error.sweepBusy");
        CompletableFuture<Sweep> sweep = sweep(base, widths, steps, progress);
        sweep.whenComplete((done, failed) -> sweeping.remove(student));
        return sweep;   // itself, not a dependent future: cancelling it stops the sweep
    }

    /** Runs on {@link #heavy}; cancelling the returned future stops the sweep at its next 100 steps. */
    private CompletableFuture<Sweep> sweep(FitSettings base, List<Integer> widths, int steps, Consumer<Double> progress) {
        CompletableFuture<Sweep> result = new CompletableFuture<>();
        heavy.execute(() -> {
            try {
                List<Double> losses = new ArrayList<>();
                List<List<double[]>> curves = new ArrayList<>();
                for (int i = 0; i < widths.size() && !result.isDone(); i++) {
                    FitRun run = new FitRun(base.withWidth(widths.get(i)), djl::newScope);
                    int done = 0;
                    while (done < steps && !run.diverged() && !result.isDone()) {
                        int chunk = Math.min(100, steps - done);
                        run.advance(chunk);
                        done += chunk;
                        progress.accept((i + done / (double) steps) / widths.size());
                    }
                    FitSnapshot last = run.snapshot();
                    losses.add(last.diverged() ? Double.NaN : last.loss());
                    curves.add(last.lossHistory());
                }
                result.complete(new Sweep(List.copyOf(widths), losses, curves));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    @Override
    public void forget(StudentId student) {
        List<Session> mine = sessions.remove(student);
        if (mine != null) mine.forEach(Session::stop);
    }

    @PreDestroy
    public void close() {
        sessions.values().forEach(list -> list.forEach(Session::stop));
        threads.shutdownNow();
        heavy.shutdownNow();
    }

    private final class Session implements FitSession {
        private final StudentId student;
        private final Consumer<FitSnapshot> view;
        private FitRun run;
        private int speed = 5;
        private ScheduledFuture<?> ticking;
        private boolean stopped;

        Session(StudentId student, FitRun run, Consumer<FitSnapshot> view) {
            this.student = student;
            this.run = run;
            this.view = view;
        }

        @Override
        public synchronized void play() {
            if (stopped || ticking != null) return;
            ticking = threads.scheduleAtFixedRate(this::tick, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void pause() {
            if (ticking != null) ticking.cancel(false);
            ticking = null;
        }

        @Override
        public void stepOnce() {
            pause();
            threads.execute(() -> {
                synchronized (this) {
                    if (stopped) return;
                    run.advance(1);
                }
                publish();
            });
        }

        @Override
        public synchronized void reset(FitSettings settings) {
            FitRun fresh = new FitRun(settings, djl::newScope);   // refused settings throw here, before anything changes
            pause();
            run = fresh;
            threads.execute(this::publish);
        }

        @Override
        public synchronized void speed(int stepsPerFrame) {
            speed = Math.clamp(stepsPerFrame, 1, MAX_SPEED);
        }

        @Override
        public synchronized void stop() {
            stopped = true;
            pause();
            List<Session> mine = sessions.get(student);
            if (mine != null) mine.remove(this);
        }

        private void tick() {
            try {
                synchronized (this) {
                    if (stopped) return;
                    long start = System.nanoTime();
                    for (int k = 0; k < speed && !run.diverged() && run.step() < MAX_FIT_STEPS && System.nanoTime() - start < BUDGET_NANOS; k++) {
                        run.advance(1);
                    }
                    if (run.diverged() || run.step() >= MAX_FIT_STEPS) pause();
                }
                publish();
            } catch (RuntimeException e) {
                LOG.warn("A descent run of {} failed; stopping it", student, e);
                stop();
            }
        }

        void publish() {
            FitSnapshot snapshot;
            synchronized (this) {
                if (stopped) return;
                snapshot = run.snapshot();
            }
            view.accept(snapshot);
        }
    }
}
