package org.cnnlab.training;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.cnnlab.base.AnonymousLimits;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.NodeSettings;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.Budget;
import org.cnnlab.network.BudgetLimits;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.ShapeInference;
import org.cnnlab.training.TrainingProgress.State;
import org.cnnlab.training.remote.RemoteTraining;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Training for a whole class on one server. Requests are checked ({@link RequestCheck}) and wait
 * in the {@link RoundRobinQueue}; a fixed number of worker threads take them in turn and run each
 * as a {@link TrainingRun} that owns its DJL model. Watchers get plain {@link TrainingProgress}
 * snapshots on the worker thread (views hop to their UI with {@code ui.access}). A failing job is
 * logged and reported; the workers carry on. The instructor's side is {@link ClassQueue}.
 */
@Service
public class TrainingService implements StudentState, ClassQueue {
    /** Finished runs a student keeps to compare and inspect; older ones (and their models) are let go. */
    static final int FINISHED_KEPT_PER_STUDENT = 12;

    private final TrainingLimits configured;
    private volatile TrainingLimits limits;   // the configured ones until the instructor changes them for the class
    private final RequestCheck check;
    private final RemoteTraining remote;   // null unless this is an app node of the scale-out profile
    private final String here;             // where this node's own waiting jobs are, for the dashboard
    private final ClassRoom classRoom;     // who may train ("class members only"); null: everyone
    private final AnonymousLimits anonymous;
    private final JobTable jobs = new JobTable();
    private final TrainingWorkers workers;

    /** Training on this JVM's own DJL: the one-machine server, and tests. */
    public TrainingService(TrainingLimits limits, NetworkFactory factory, NetworkLimits networkLimits) {
        this(limits, factory, networkLimits, new Budget(BudgetLimits.defaults()), new DatasetCatalog(), null, 1, "", null,
                AnonymousLimits.defaults());
    }

    /**
     * On an app node of the scale-out profile, {@code remote} hands each job to a worker node and
     * relays its progress back; this node's threads then only wait for them, up to
     * {@code cnnlab.node.tasks-in-flight} at a time. Queue order, limits, pause and cancel stay here.
     */
    @Autowired
    public TrainingService(TrainingLimits limits, NetworkFactory factory, NetworkLimits networkLimits, Budget budget, DatasetCatalog catalog,
                           ObjectProvider<RemoteTraining> remote, NodeSettings node, ObjectProvider<ClassRoom> classRoom,
                           AnonymousLimits anonymous) {
        this(limits, factory, networkLimits, budget, catalog, remote.getIfAvailable(), node.tasksInFlight(),
                node.role() == NodeSettings.Role.SINGLE ? "" : node.name(), classRoom.getIfAvailable(), anonymous);
    }

    private TrainingService(TrainingLimits limits, NetworkFactory factory, NetworkLimits networkLimits, Budget budget, DatasetCatalog catalog,
                            RemoteTraining remote, int remoteSlots, String here, ClassRoom classRoom, AnonymousLimits anonymous) {
        this.configured = limits;
        this.limits = limits;
        this.check = new RequestCheck(new ShapeInference(networkLimits), budget);
        this.remote = remote;
        this.here = here;
        this.classRoom = classRoom;
        this.anonymous = anonymous;
        TrainingExecutor executor = remote != null ? remote
                : (request, wallMillis, stop, listener) -> TrainingRun.run(factory, catalog, request, wallMillis, stop, listener);
        this.workers = new TrainingWorkers(jobs, executor, remote != null ? remoteSlots : limits.workers(), this::limits, new TrainingWorkers.Reports() {
            @Override
            public void taken(TrainingJob job) {
                notifyQueued();
            }

            @Override
            public void changed(TrainingJob job) {
                publish(job);
            }

            @Override
            public void ended(TrainingJob job, TrainingRun.Outcome outcome) {
                finish(job, outcome.state(), outcome.messageKey(), outcome.messageArgs());
            }
        });
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
        String address = classRoom == null ? null : classRoom.admit(student, ClassRoom.Costly.TRAINING).anonymousAddress();
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
        List<TrainingJob> series = jobs.add(requests, parameters, address, limits.maxQueuedPerStudent(), anonymous.maxQueuedPerAddress());
        notifyQueued();
        return series.stream().map(this::snapshot).toList();
    }

    public TrainingProgress progress(long jobId) {
        return snapshot(job(jobId));
    }

    private TrainingJob job(long jobId) {
        TrainingJob job = jobs.get(jobId);
        if (job == null) throw new InvalidInputException("training.error.unknownJob");
        return job;
    }

    /** The student's finished runs, oldest first, to compare. */
    public List<TrainingProgress> finished(StudentId student) {
        return jobs.of(student).filter(j -> j.state() == State.DONE)
                .sorted(Comparator.comparingLong(j -> j.id)).map(this::snapshot).toList();
    }

    /** The student's most recent job, to show again after a page reload. */
    public Optional<TrainingProgress> latest(StudentId student) {
        return jobs.of(student).max(Comparator.comparingLong(j -> j.id)).map(this::snapshot);
    }

    /**
     * This node's students whose most recent job finished well, and on an app node of the scale-out
     * profile every app node's (their jobs all go to the workers, so one node knows who finished on another).
     */
    @Override
    public Set<StudentId> finishedWell() {
        Set<StudentId> done = new HashSet<>(remote == null ? Set.of() : remote.finishedWell());
        done.addAll(jobs.latestDone());
        return done;
    }

    /** The model a finished job of this student learned, if it finished well. */
    public Optional<TrainedModel> trained(StudentId student, long jobId) {
        TrainingJob job = jobs.get(jobId);
        return job == null || !job.student().equals(student) ? Optional.empty() : Optional.ofNullable(job.trained());
    }

    /**
     * Pauses or resumes a running job (only its own student may). A paused job keeps the one
     * training worker, so each job has a pause budget of {@code cnnlab.training.max-pause-seconds}
     * in all: the pause ends by itself when it is spent, a pause asked for after that is refused,
     * and paused time counts toward the job's wall-time limit.
     */
    public void pause(StudentId student, long jobId, boolean pause) {
        TrainingJob job = jobs.get(jobId);
        if (job == null || !job.student().equals(student)) return;
        if (pause && job.pauseLeftMillis(limits) <= 0) throw new InvalidInputException("training.error.pauseSpent", limits.maxPauseSeconds());
        job.requestPause(pause);
        publish(job);
    }

    /** Only the job's own student may stop it; the runs queued after it in its series stop too. */
    public void cancel(StudentId student, long jobId) {
        TrainingJob job = jobs.get(jobId);
        if (job == null || !job.student().equals(student)) return;
        jobs.all().filter(j -> j.series == job.series && j.id > job.id && !j.cancelled()).toList()
                .forEach(j -> cancel(student, j.id));
        job.cancel();
        if (jobs.leave(job)) {
            finish(job, State.CANCELLED, null);
            notifyQueued();
        }
    }

    /** Calls {@code watcher} with every new snapshot (at once with the current one); run the returned action to stop. */
    public Runnable watch(long jobId, Consumer<TrainingProgress> watcher) {
        TrainingJob job = job(jobId);
        Runnable stop = job.watch(watcher);
        watcher.accept(snapshot(job));
        return stop;
    }

    @Override
    public TrainingLimits limits() {
        return limits;
    }

    /** See {@link TrainingLimits#within}: the configuration is the server's ceiling. */
    @Override
    public TrainingLimits adjust(int maxQueuedPerStudent, int maxEpochs, int maxSamples, long maxParameters, int maxWallSeconds) {
        limits = configured.within(maxQueuedPerStudent, maxEpochs, maxSamples, maxParameters, maxWallSeconds);
        return limits;
    }

    /** On an app node of the scale-out profile: every app node's jobs at the workers first, then this node's own waiting ones. */
    @Override
    public List<QueueEntry> queue() {
        List<QueueEntry> entries = new ArrayList<>(remote == null ? List.of() : remote.tasks());
        if (remote == null) {
            jobs.all().filter(TrainingJob::active).sorted(Comparator.comparingLong(j -> j.id)).forEach(j -> entries.add(entry(j, 0)));
        }
        int next = entries.size() + 1 - (int) entries.stream().filter(e -> e.position() == 0).count();
        for (TrainingJob j : jobs.turnOrder()) entries.add(entry(j, next++));
        return entries;
    }

    private QueueEntry entry(TrainingJob j, int position) {
        return new QueueEntry(j.id, j.student(), j.request().name(), j.state(), position, j.runningSeconds(), j.epochNow(), j.request().epochs(), here);
    }

    /** A negative id is a job at the workers (see {@link #queue}). */
    @Override
    public void cancelAny(long jobId) {
        if (jobId < 0 && remote != null) {
            remote.cancelTask(-jobId);
            return;
        }
        TrainingJob job = jobs.get(jobId);
        if (job != null) cancel(job.student(), jobId);
    }

    @Override
    public void cancelAll() {
        if (remote != null) remote.tasks().forEach(e -> remote.cancelTask(-e.jobId()));
        jobs.all().filter(j -> !j.finished()).map(j -> j.id).toList().forEach(this::cancelAny);
    }

    @Override
    public void holdQueue(boolean hold) {
        jobs.hold(hold);
    }

    @Override
    public boolean queueHeld() {
        return jobs.held();
    }

    @Override
    public void forget(StudentId student) {
        jobs.of(student).forEach(j -> cancel(student, j.id));
        jobs.removeFinished(student);
    }

    @PreDestroy
    public void close() {
        workers.close();
    }

    /** The training workers' health ({@link TrainingWorkerHealth}). */
    TrainingWorkers.Health workerHealth(long graceMillis) {
        return workers.health(graceMillis);
    }

    private void finish(TrainingJob job, State state, String key, Object... args) {
        job.finish(state, key, args);
        jobs.keepRecent(job.student(), FINISHED_KEPT_PER_STUDENT);   // before watchers hear it: what they then ask for is already trimmed
        publish(job);
    }

    private void notifyQueued() {
        jobs.all().filter(j -> j.state() == State.QUEUED).forEach(this::publish);
    }

    private void publish(TrainingJob job) {
        job.tell(snapshot(job));
    }

    private TrainingProgress snapshot(TrainingJob job) {
        return job.snapshot(jobs.position(job), jobs.nextInSeries(job));
    }
}
