package org.cnnlab.training;

import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.dataset.DataHeader;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.network.Budget;
import org.cnnlab.network.BudgetLimits;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.ShapeInference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Training for a whole class on one server. Jobs wait in one queue per student and are started
 * round-robin across students (a student's next job waits until every other waiting student has
 * had a turn), on a fixed number of worker threads. Each job owns its DJL model; watchers get
 * plain {@link TrainingProgress} snapshots on the worker thread (views hop to their UI with
 * {@code ui.access}). A failing job is logged and reported; the workers carry on.
 */
@Service
public class TrainingService implements StudentState {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingService.class);
    private static final int CURVE_POINTS = 2_000;

    private final TrainingLimits configured;
    private volatile TrainingLimits limits;   // the configured ones until the instructor changes them for the class
    private final NetworkFactory factory;
    private final RequestCheck check;
    private final ExecutorService workers;
    private final TrainingExecutor executor;
    private final RemoteTraining remote;   // null unless this is an app node of the scale-out profile
    private final String here;             // where this node's own waiting jobs are, for the dashboard
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Job> jobs = new ConcurrentHashMap<>();
    private final Map<StudentId, Deque<Job>> waiting = new LinkedHashMap<>();   // insertion order = turn order
    private final Object lock = new Object();
    private volatile boolean closed;
    private final int threads;
    private final java.util.concurrent.atomic.AtomicInteger workersAlive = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean held;   // the instructor paused the queue: no job starts until released
    private final org.cnnlab.base.ClassRoom classRoom;   // who may train ("class members only"); null: everyone
    private final org.cnnlab.base.AnonymousLimits anonymous;

    private static final class Job {
        final long id;
        final long series;          // the id of the series' first job; a lone job is a series of one
        volatile TrainingRequest request;   // without its images once finished (see finish)
        final long parameters;
        final String address;       // the network address whose anonymous caps it counts toward; null: none
        final List<Consumer<TrainingProgress>> watchers = new CopyOnWriteArrayList<>();
        final List<Double> batchLosses = new ArrayList<>();
        final List<EpochMetrics> epochs = new ArrayList<>();
        volatile TrainingProgress.State state = TrainingProgress.State.QUEUED;
        volatile boolean cancelled;
        volatile boolean paused;
        volatile List<TrainingProgress.WrongExample> mistakes = List.of();
        volatile int epoch;
        volatile long step;
        volatile long totalSteps;
        volatile String messageKey;
        volatile Object[] messageArgs;
        volatile int[][] confusion;
        volatile boolean onTestSet;
        volatile TrainedModel trained;
        volatile List<Double> byShift = List.of();
        volatile long finishedMillis;
        volatile long startedMillis;
        volatile long wallMillis;   // its wall-time limit, fixed when it starts
        volatile long pausedMillis;

        Job(long id, long series, TrainingRequest request, long parameters, String address) {
            this.id = id;
            this.series = series;
            this.request = request;
            this.parameters = parameters;
            this.address = address;
        }
    }

    /** Training on this JVM's own DJL: the one-machine server, and tests. */
    public TrainingService(TrainingLimits limits, NetworkFactory factory, NetworkLimits networkLimits) {
        this(limits, factory, networkLimits, new Budget(BudgetLimits.defaults()), new DatasetCatalog(), null, 1, "", null,
                org.cnnlab.base.AnonymousLimits.defaults());
    }

    /**
     * On an app node of the scale-out profile, {@code remote} hands each job to a worker node and
     * relays its progress back; this node's threads then only wait for them, up to
     * {@code cnnlab.node.tasks-in-flight} at a time. Queue order, limits, pause and cancel stay here.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public TrainingService(TrainingLimits limits, NetworkFactory factory, NetworkLimits networkLimits, Budget budget, DatasetCatalog catalog,
                           org.springframework.beans.factory.ObjectProvider<RemoteTraining> remote, org.cnnlab.base.NodeSettings node,
                           org.springframework.beans.factory.ObjectProvider<org.cnnlab.base.ClassRoom> classRoom,
                           org.cnnlab.base.AnonymousLimits anonymous) {
        this(limits, factory, networkLimits, budget, catalog, remote.getIfAvailable(), node.tasksInFlight(),
                node.role() == org.cnnlab.base.NodeSettings.Role.SINGLE ? "" : node.name(), classRoom.getIfAvailable(), anonymous);
    }

    private TrainingService(TrainingLimits limits, NetworkFactory factory, NetworkLimits networkLimits, Budget budget, DatasetCatalog catalog,
                            RemoteTraining remote, int remoteSlots, String here, org.cnnlab.base.ClassRoom classRoom,
                            org.cnnlab.base.AnonymousLimits anonymous) {
        this.classRoom = classRoom;
        this.anonymous = anonymous;
        this.remote = remote;
        this.here = here;
        this.limits = limits;
        this.configured = limits;
        this.factory = factory;
        this.check = new RequestCheck(new ShapeInference(networkLimits), budget);
        this.executor = remote != null ? remote : (request, wallMillis, stop, listener) -> TrainingRun.run(factory, catalog, request, wallMillis, stop, listener);
        this.threads = remote != null ? remoteSlots : limits.workers();
        workersAlive.set(threads);   // each loop counts itself out when it ends
        this.workers = Executors.newFixedThreadPool(threads, org.cnnlab.base.BackgroundThreads.named("cnnlab-training"));
        for (int i = 0; i < threads; i++) {
            workers.submit(this::work);
        }
    }

    /** Checks the request and queues it; refusals say why, in the student's language, and change nothing. */
    public TrainingProgress submit(TrainingRequest r) {
        return submitSeries(List.of(r)).getFirst();
    }

    /**
     * Queues runs that belong together (e.g. an MLP and two CNNs on the same data, to compare): each
     * takes its own turn in the round-robin, one after the other, and the series counts once toward
     * the student's limit; stopping one stops the rest. All are checked before any is queued.
     */
    public List<TrainingProgress> submitSeries(List<TrainingRequest> requests) {
        if (requests.isEmpty() || requests.stream().map(TrainingRequest::student).distinct().count() != 1) {
            throw new IllegalArgumentException("a series is one student's runs");
        }
        StudentId student = requests.getFirst().student();
        // "class members only", and whose anonymous caps per address apply (ClassRoom.admit); first, so a refused student learns why
        String address = classRoom == null ? null : classRoom.admit(student, org.cnnlab.base.ClassRoom.Costly.TRAINING).anonymousAddress();
        return queue(requests, address);
    }

    /**
     * A job the server itself owns (the inspection lesson's reference model, trained once for
     * everyone), whoever's click started it: the per-student limit applies, no class-membership rule
     * or per-address cap.
     */
    public TrainingProgress submitShared(TrainingRequest r) {
        return queue(List.of(r), null).getFirst();
    }

    private List<TrainingProgress> queue(List<TrainingRequest> requests, String address) {
        List<Long> parameters = requests.stream().map(r -> check.check(r, limits).trainable()).toList();
        StudentId student = requests.getFirst().student();
        List<Job> series = new ArrayList<>();
        synchronized (lock) {
            long mine = jobs.values().stream()
                    .filter(j -> j.request.student().equals(student) && !snapshot(j).finished()).map(j -> j.series).distinct().count();
            if (mine >= limits.maxQueuedPerStudent()) {
                throw new InvalidInputException("training.error.busy", limits.maxQueuedPerStudent());
            }
            if (address != null) {   // anonymous: every session from this address together (a new session is one cookie away)
                long fromAddress = jobs.values().stream()
                        .filter(j -> address.equals(j.address) && !snapshot(j).finished()).map(j -> j.series).distinct().count();
                if (fromAddress >= anonymous.maxQueuedPerAddress()) {
                    throw new InvalidInputException("training.error.busyAddress", anonymous.maxQueuedPerAddress());
                }
            }
            long first = ids.incrementAndGet();
            for (int i = 0; i < requests.size(); i++) {
                Job job = new Job(i == 0 ? first : ids.incrementAndGet(), first, requests.get(i), parameters.get(i), address);
                series.add(job);
                jobs.put(job.id, job);
                waiting.computeIfAbsent(student, s -> new ArrayDeque<>()).addLast(job);
            }
            lock.notifyAll();
        }
        notifyQueued();
        return series.stream().map(this::snapshot).toList();
    }

    public TrainingProgress progress(long jobId) {
        Job job = jobs.get(jobId);
        if (job == null) throw new InvalidInputException("training.error.unknownJob");
        return snapshot(job);
    }

    /** The student's finished runs, oldest first, to compare. */
    public List<TrainingProgress> finished(StudentId student) {
        return jobs.values().stream().filter(j -> j.request.student().equals(student) && j.state == TrainingProgress.State.DONE)
                .sorted(java.util.Comparator.comparingLong(j -> j.id)).map(this::snapshot).toList();
    }

    /** The student's most recent job, to show again after a page reload. */
    public java.util.Optional<TrainingProgress> latest(StudentId student) {
        return jobs.values().stream().filter(j -> j.request.student().equals(student))
                .max(java.util.Comparator.comparingLong(j -> j.id)).map(this::snapshot);
    }

    /**
     * The students whose most recent job finished well, for the instructor's roster: this node's
     * jobs, and on an app node of the scale-out profile every app node's (their jobs all go to the
     * workers, so the roster on one node also knows who finished on another).
     */
    public java.util.Set<StudentId> finishedWell() {
        java.util.Set<StudentId> done = new java.util.HashSet<>(remote == null ? java.util.Set.of() : remote.finishedWell());
        java.util.Map<StudentId, Job> latest = new java.util.HashMap<>();
        for (Job j : jobs.values()) latest.merge(j.request.student(), j, (a, b) -> a.id > b.id ? a : b);
        latest.forEach((student, j) -> {
            if (j.state == TrainingProgress.State.DONE) done.add(student);
        });
        return done;
    }

    /** The model a finished job of this student learned, if it finished well. */
    public java.util.Optional<TrainedModel> trained(StudentId student, long jobId) {
        Job job = jobs.get(jobId);
        return job == null || !job.request.student().equals(student) ? java.util.Optional.empty() : java.util.Optional.ofNullable(job.trained);
    }

    /**
     * Pauses or resumes a running job (only its own student may). A paused job keeps the one
     * training worker, so each job has a pause budget of {@code cnnlab.training.max-pause-seconds}
     * in all: the pause ends by itself when it is spent, a pause asked for after that is refused,
     * and paused time counts toward the job's wall-time limit.
     */
    public void pause(StudentId student, long jobId, boolean pause) {
        Job job = jobs.get(jobId);
        if (job == null || !job.request.student().equals(student)) return;
        if (pause && pauseLeftMillis(job) <= 0) throw new InvalidInputException("training.error.pauseSpent", limits.maxPauseSeconds());
        job.paused = pause;
        publish(job);
    }

    private long pauseLeftMillis(Job job) {
        return limits.maxPauseSeconds() * 1000L - job.pausedMillis;
    }

    /** Runs on the job's worker before every batch. */
    private long holdWhilePaused(Job job) {
        if (!job.paused) return 0;
        long start = System.currentTimeMillis();
        long wallLeft = job.startedMillis + limits.maxWallSeconds() * 1000L - start;   // the run then stops at its next batch
        long left = Math.min(pauseLeftMillis(job), wallLeft);
        job.state = TrainingProgress.State.PAUSED;
        publish(job);
        try {
            while (job.paused && !job.cancelled && !closed && System.currentTimeMillis() - start < left) {
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        job.paused = false;
        job.state = TrainingProgress.State.RUNNING;
        long waited = System.currentTimeMillis() - start;
        job.pausedMillis += waited;
        publish(job);
        return waited;
    }

    /** Only the job's own student may stop it; the runs queued after it in its series stop too. */
    public void cancel(StudentId student, long jobId) {
        Job job = jobs.get(jobId);
        if (job == null || !job.request.student().equals(student)) return;
        jobs.values().stream().filter(j -> j.series == job.series && j.id > job.id && !j.cancelled).toList()
                .forEach(j -> cancel(student, j.id));
        job.cancelled = true;
        boolean wasWaiting;
        synchronized (lock) {
            Deque<Job> queue = waiting.get(student);
            wasWaiting = queue != null && queue.remove(job);
            if (queue != null && queue.isEmpty()) waiting.remove(student);
        }
        if (wasWaiting) {
            finish(job, TrainingProgress.State.CANCELLED, null);
            notifyQueued();
        }
    }

    /** Calls {@code watcher} with every new snapshot (at once with the current one); run the returned action to stop. */
    public Runnable watch(long jobId, Consumer<TrainingProgress> watcher) {
        Job job = jobs.get(jobId);
        if (job == null) throw new InvalidInputException("training.error.unknownJob");
        job.watchers.add(watcher);
        watcher.accept(snapshot(job));
        return () -> job.watchers.remove(watcher);
    }

    /** The limits in force for new jobs. */
    public TrainingLimits limits() {
        return limits;
    }

    /**
     * The instructor's limits for the class (jobs per student, epochs, samples, parameters, wall
     * time), each between 1 and the configured value (configuration is the server's ceiling; jobs per
     * student up to 5).
     * Jobs already queued keep the limits they were accepted under.
     */
    public TrainingLimits adjust(int maxQueuedPerStudent, int maxEpochs, int maxSamples, long maxParameters, int maxWallSeconds) {
        TrainingLimits c = configured;
        limits = new TrainingLimits(c.workers(), clamp(maxQueuedPerStudent, Math.max(5, c.maxQueuedPerStudent())), clamp(maxEpochs, c.maxEpochs()),
                c.maxBatch(), clamp(maxSamples, c.maxSamples()), Math.max(1, Math.min(maxParameters, c.maxParameters())), clamp(maxWallSeconds, c.maxWallSeconds()),
                c.maxLearningRate(), c.maxPauseSeconds());
        return limits;
    }

    private static int clamp(int value, int max) {
        return Math.max(1, Math.min(value, max));
    }

    /**
     * A job in the class queue as the instructor's dashboard lists it; {@code where} is "" on the
     * one-machine server, else the worker running it or the app node it waits on.
     */
    public record QueueEntry(long jobId, StudentId student, String name, TrainingProgress.State state, int position,
                             double seconds, int epoch, int epochs, String where) {
    }

    /**
     * Every job that has not finished, running first, then waiting in turn order (position 1, 2, …).
     * On an app node of the scale-out profile: every app node's jobs at the workers, then this
     * node's own waiting ones.
     */
    public List<QueueEntry> queue() {
        if (remote != null) {
            List<QueueEntry> entries = new ArrayList<>(remote.tasks());
            int next = entries.size() + 1 - (int) entries.stream().filter(e -> e.position() == 0).count();
            synchronized (lock) {
                for (Job j : turnOrder()) entries.add(entry(j, next++));
            }
            return entries;
        }
        List<QueueEntry> entries = new ArrayList<>();
        synchronized (lock) {
            jobs.values().stream().filter(j -> j.state == TrainingProgress.State.RUNNING || j.state == TrainingProgress.State.PAUSED)
                    .sorted(java.util.Comparator.comparingLong(j -> j.id))
                    .forEach(j -> entries.add(entry(j, 0)));
            for (Job j : turnOrder()) entries.add(entry(j, entries.size() + 1 - running()));
        }
        return entries;
    }

    private int running() {
        return (int) jobs.values().stream().filter(j -> j.state == TrainingProgress.State.RUNNING || j.state == TrainingProgress.State.PAUSED).count();
    }

    /** Waiting jobs in the order the round-robin will start them (under {@code lock}). */
    private List<Job> turnOrder() {
        List<Deque<Job>> queues = waiting.values().stream().map(q -> (Deque<Job>) new ArrayDeque<>(q)).toList();
        List<Job> order = new ArrayList<>();
        boolean any = true;
        while (any) {
            any = false;
            for (Deque<Job> q : queues) {
                Job j = q.pollFirst();
                if (j != null) {
                    order.add(j);
                    any = true;
                }
            }
        }
        return order;
    }

    private QueueEntry entry(Job j, int position) {
        TrainingProgress p = snapshot(j);
        return new QueueEntry(j.id, j.request.student(), j.request.name(), j.state, position, p.seconds(), j.epoch, j.request.epochs(), here);
    }

    /** The instructor stops any job (and the rest of its series); a negative id is a job at the workers (see {@link #queue}). */
    public void cancelAny(long jobId) {
        if (jobId < 0 && remote != null) {
            remote.cancelTask(-jobId);
            return;
        }
        Job job = jobs.get(jobId);
        if (job != null) cancel(job.request.student(), jobId);
    }

    /** The instructor stops every job that has not finished. */
    public void cancelAll() {
        if (remote != null) remote.tasks().forEach(e -> remote.cancelTask(-e.jobId()));
        jobs.values().stream().filter(j -> !snapshot(j).finished()).map(j -> j.id).toList().forEach(this::cancelAny);
    }

    /** Holds the queue (the running job goes on; no new job starts) or releases it. */
    public void holdQueue(boolean hold) {
        synchronized (lock) {
            held = hold;
            lock.notifyAll();
        }
    }

    public boolean queueHeld() {
        return held;
    }

    @Override
    public void forget(StudentId student) {
        jobs.values().stream().filter(j -> j.request.student().equals(student)).forEach(j -> cancel(student, j.id));
        jobs.values().removeIf(j -> j.request.student().equals(student) && snapshot(j).finished());
    }

    @PreDestroy
    public void close() {
        closed = true;
        jobs.values().forEach(j -> j.cancelled = true);
        synchronized (lock) {
            lock.notifyAll();
        }
        workers.shutdownNow();
        try {
            workers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS); // a running batch finishes, then the model closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        try {
            while (!closed) {
                Job job;
                try {
                    job = next();
                } catch (InterruptedException e) {
                    return;
                }
                if (job == null) return;
                try {
                    notifyQueued();
                    run(job);
                } catch (Throwable e) {   // run reports its own failures; this is a last resort that keeps the worker
                    LOG.error("Training worker: job {} could not be finished", job.id, e);
                    if (!snapshot(job).finished()) finish(job, TrainingProgress.State.FAILED, "training.error.failed");
                }
            }
        } finally {
            workersAlive.decrementAndGet();
        }
    }

    /**
     * The training workers as {@code /actuator/health} sees them ({@link TrainingWorkerHealth}): how
     * many worker loops should run and how many do, and the running jobs that are more than
     * {@code graceMillis} past their wall-time limit (a job checks its limit before every batch, so
     * one far past it is stuck). Cheap: counters and the job table, no lock.
     */
    WorkerHealth workerHealth(long graceMillis) {
        long now = System.currentTimeMillis();
        List<WorkerHealth.Overdue> overdue = jobs.values().stream()
                .filter(j -> (j.state == TrainingProgress.State.RUNNING || j.state == TrainingProgress.State.PAUSED) && j.startedMillis > 0
                        && j.wallMillis > 0 && now - j.startedMillis > j.wallMillis + graceMillis)
                .map(j -> new WorkerHealth.Overdue(j.id, (now - j.startedMillis) / 1000, j.wallMillis / 1000)).toList();
        return new WorkerHealth(threads, closed ? threads : workersAlive.get(), overdue);
    }

    record WorkerHealth(int workers, int alive, List<Overdue> overdue) {
        record Overdue(long jobId, long runningSeconds, long wallSeconds) {
        }
    }

    /** The next job, round-robin: the first waiting student's oldest job; that student then goes to the back. */
    private Job next() throws InterruptedException {
        synchronized (lock) {
            while (!closed && (waiting.isEmpty() || held)) lock.wait();
            if (closed) return null;
            Iterator<Map.Entry<StudentId, Deque<Job>>> first = waiting.entrySet().iterator();
            Map.Entry<StudentId, Deque<Job>> turn = first.next();
            first.remove();
            Job job = turn.getValue().pollFirst();
            if (!turn.getValue().isEmpty()) waiting.put(turn.getKey(), turn.getValue());
            job.state = TrainingProgress.State.RUNNING;
            return job;
        }
    }

    private void run(Job job) {
        job.startedMillis = System.currentTimeMillis();
        job.wallMillis = limits.maxWallSeconds() * 1000L;
        publish(job);
        TrainingRun.Outcome outcome;
        try {
            outcome = executor.run(job.request, job.wallMillis, () -> job.cancelled || closed,
                    new TrainingRun.Listener() {
                        @Override
                        public void batch(int epoch, long step, long totalSteps, double loss) {
                            job.epoch = epoch;
                            job.step = step;
                            job.totalSteps = totalSteps;
                            synchronized (job.batchLosses) {
                                if (job.batchLosses.size() < CURVE_POINTS) job.batchLosses.add(loss);
                            }
                            publish(job);
                        }

                        @Override
                        public void shifted(double[] accuracyByShift) {
                            job.byShift = java.util.Arrays.stream(accuracyByShift).boxed().toList();
                        }

                        @Override
                        public void trained(byte[] parameters) {
                            TrainingRequest r = job.request;
                            List<EpochMetrics> curves;
                            synchronized (job.epochs) {
                                curves = List.copyOf(job.epochs);
                            }
                            double accuracy = job.confusion == null ? Double.NaN : TrainingProgress.accuracy(job.confusion);
                            double seconds = (System.currentTimeMillis() - job.startedMillis - job.pausedMillis) / 1000.0;
                            job.trained = new TrainedModel(r.network(), r.data().header().classes(), parameters,
                                    new TrainingRecord(r.data().header().id(), r.name(), r.optimizer(), r.batchSize(), r.epochs(), r.seed(),
                                            curves, accuracy, job.onTestSet, seconds));
                        }

                        @Override
                        public void mistakes(List<TrainingRun.Mistake> mistakes) {
                            DataHeader data = job.request.data().header();
                            job.mistakes = mistakes.stream().map(m -> new TrainingProgress.WrongExample(
                                    PngEncoder.encode(PixelImage.fromUnit(data.channels(), data.height(), data.width(), m.pixels())),
                                    data.classes().get(m.trueClass()), data.classes().get(m.predicted()), m.confidence())).toList();
                        }

                        @Override
                        public long holdWhilePaused() {
                            return TrainingService.this.holdWhilePaused(job);
                        }

                        @Override
                        public boolean pauseRequested() {
                            return job.paused;
                        }

                        @Override
                        public void restarted() {
                            synchronized (job.batchLosses) {
                                job.batchLosses.clear();
                            }
                            synchronized (job.epochs) {
                                job.epochs.clear();
                            }
                            job.epoch = 0;
                            job.step = 0;
                            job.pausedMillis = 0;
                            job.startedMillis = System.currentTimeMillis();
                            publish(job);
                        }

                        @Override
                        public void confusion(int[][] matrix, boolean onTestSet) {
                            job.onTestSet = onTestSet;
                            job.confusion = matrix;
                        }

                        @Override
                        public void epoch(EpochMetrics metrics) {
                            synchronized (job.epochs) {
                                job.epochs.add(metrics);
                            }
                            publish(job);
                        }
                    });
        } catch (InvalidInputException e) {
            outcome = new TrainingRun.Outcome(TrainingProgress.State.FAILED, e.messageKey(), e.args());
        } catch (Throwable e) {   // any Error too (a native engine's, a stack overflow): the job fails, the worker goes on
            LOG.error("Training job {} of {} failed", job.id, job.request.student(), e);
            outcome = new TrainingRun.Outcome(TrainingProgress.State.FAILED, "training.error.failed");
        }
        finish(job, outcome.state(), outcome.messageKey(), outcome.messageArgs());
    }

    private void finish(Job job, TrainingProgress.State state, String key, Object... args) {
        job.request = job.request.withoutImages();   // a finished run needs its numbers, not its megabyte of images
        job.finishedMillis = System.currentTimeMillis();
        job.state = state;
        job.messageKey = key;
        job.messageArgs = args;
        keepRecent(job.request.student());   // before watchers hear DONE: what they then ask for is already trimmed
        publish(job);
    }

    /** Finished runs a student keeps to compare and inspect; older ones (and their models) are let go. */
    static final int FINISHED_KEPT_PER_STUDENT = 12;

    private void keepRecent(StudentId student) {
        List<Job> done = jobs.values().stream().filter(j -> j.request.student().equals(student) && j.finishedMillis > 0)
                .sorted(java.util.Comparator.comparingLong(j -> -j.id)).toList();
        done.stream().skip(FINISHED_KEPT_PER_STUDENT).forEach(j -> jobs.remove(j.id));
    }

    private void notifyQueued() {
        jobs.values().stream().filter(j -> j.state == TrainingProgress.State.QUEUED).forEach(this::publish);
    }

    private void publish(Job job) {
        TrainingProgress p = snapshot(job);
        for (Consumer<TrainingProgress> watcher : job.watchers) {
            try {
                watcher.accept(p);
            } catch (RuntimeException e) {
                LOG.warn("A training watcher failed; removing it", e);
                job.watchers.remove(watcher);
            }
        }
    }

    private int queuePosition(Job job) {
        synchronized (lock) {
            // the rounds ahead of this job: its place in its student's queue, times the students waiting
            int position = 0;
            int round = 0;
            Deque<Job> own = waiting.get(job.request.student());
            if (own == null) return 0;
            for (Job j : own) {
                if (j == job) break;
                round++;
            }
            for (Map.Entry<StudentId, Deque<Job>> e : waiting.entrySet()) {
                if (e.getKey().equals(job.request.student())) {
                    position += round + 1;
                    break;
                }
                position += Math.min(e.getValue().size(), round + 1);
            }
            return position;
        }
    }

    /** The run that comes after this one in its series, or −1. */
    private long next(Job job) {
        return jobs.values().stream().filter(j -> j.series == job.series && j.id > job.id).mapToLong(j -> j.id).min().orElse(-1);
    }

    private TrainingProgress snapshot(Job job) {
        List<Double> losses;
        synchronized (job.batchLosses) {
            losses = List.copyOf(job.batchLosses);
        }
        List<EpochMetrics> epochs;
        synchronized (job.epochs) {
            epochs = List.copyOf(job.epochs);
        }
        int position = job.state == TrainingProgress.State.QUEUED ? queuePosition(job) : 0;
        return new TrainingProgress(job.id, job.state, position, job.epoch, job.request.epochs(), job.step, job.totalSteps,
                losses, epochs, job.messageKey, job.messageArgs, job.confusion, job.startedMillis, job.request.name(),
                job.parameters,
                job.startedMillis == 0 ? 0 : ((job.finishedMillis == 0 ? System.currentTimeMillis() : job.finishedMillis) - job.startedMillis - job.pausedMillis) / 1000.0,
                job.byShift, job.mistakes, next(job), job.onTestSet);
    }
}
