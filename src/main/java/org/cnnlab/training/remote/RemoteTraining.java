package org.cnnlab.training.remote;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cnnlab.base.NodeSettings;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.Wire;
import org.cnnlab.cluster.Notifications;
import org.cnnlab.training.ClassQueue;
import org.cnnlab.training.TrainingExecutor;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingRun;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * An app node's side of training on worker nodes. For each job it starts, it writes the request to
 * {@code training_task}, enqueues a JobRunr {@link TrainTask}, and then waits on its own training
 * thread: each NOTIFY (or every second, should one be lost) it replays the worker's new
 * {@link TaskUpdate}s into the job's listener, passes on the student's cancel and pause, and
 * returns the worker's outcome. A job whose worker was shut down goes back to the queue and starts
 * again on another worker (the curves start again); a job whose worker died in the middle of it ends
 * failed and is not tried again (TrainingWorker), also when no worker is left to notice (no word from
 * its worker for {@code cnnlab.node.worker-silence-seconds}); if JobRunr gave up, the run fails with a
 * message saying so.
 */
@Component
@ConditionalOnExpression("'${cnnlab.node.role:single}'.equalsIgnoreCase('app')")
public class RemoteTraining implements TrainingExecutor {
    static final String CHANNEL = "cnnlab_training";

    private final JdbcClient db;
    private final Notifications notifications;
    private final JobRequestScheduler scheduler;
    private final StorageProvider storage;
    private final NodeSettings node;
    private final Map<Long, Semaphore> waiting = new ConcurrentHashMap<>();

    RemoteTraining(JdbcClient db, Notifications notifications, JobRequestScheduler scheduler, StorageProvider storage, NodeSettings node) {
        this.db = db;
        this.notifications = notifications;
        this.scheduler = scheduler;
        this.storage = storage;
        this.node = node;
        notifications.on(CHANNEL, id -> signal(Long.parseLong(id)));
        notifications.whenConnected(() -> waiting.values().forEach(Semaphore::release));
    }

    private void signal(long task) {
        Semaphore s = waiting.get(task);
        if (s != null) s.release();
    }

    @Override
    public TrainingRun.Outcome run(TrainingRequest request, long wallMillis, BooleanSupplier cancelled, TrainingRun.Listener listener) {
        long task = insert(request, wallMillis);
        Semaphore signal = new Semaphore(0);
        waiting.put(task, signal);
        try {
            UUID job = scheduler.enqueue(new TrainTask(task)).asUUID();
            int seq = 0;
            int attempt = 0;
            boolean cancelSent = false;
            long checked = System.currentTimeMillis();
            long outage = 0;
            while (true) {
                try {
                    for (Update u : updates(task, seq)) {
                        seq = u.seq();
                        if (u.attempt() != attempt) {
                            if (attempt > 0) listener.restarted();
                            attempt = u.attempt();
                        }
                        for (TaskUpdate update : Wire.read(u.payload(), TaskUpdate.Several.class).updates()) update.replay(listener);
                    }
                    Task t = task(task);
                    if (t.state().equals("ENDED")) {
                        if (seq < t.lastSeq()) continue;   // the last updates came in with the end
                        TrainingRun.Outcome outcome = Wire.read(t.outcome(), TrainingRun.Outcome.class);
                        tidy(task);
                        return outcome;
                    }
                    if (!cancelSent && cancelled.getAsBoolean()) {
                        db.sql("update training_task set cancel_requested = true where id = ?").param(task).update();
                        cancelSent = true;
                    }
                    if (listener.pauseRequested() && !cancelSent) {
                        holdWhilePaused(task, listener);
                        continue;
                    }
                    if (System.currentTimeMillis() - checked > 5_000) {
                        checked = System.currentTimeMillis();
                        TrainingRun.Outcome lost = endIfLost(task, job, t);
                        if (lost != null) return lost;
                    }
                    outage = 0;
                } catch (DataAccessException e) {
                    // PostgreSQL restarting: the worker keeps training and writing; wait, then read on
                    if (outage == 0) outage = System.currentTimeMillis();
                    if (System.currentTimeMillis() - outage > 1000L * node.workerSilenceSeconds()) throw e;
                }
                signal.tryAcquire(1, TimeUnit.SECONDS);
                signal.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            db.sql("update training_task set cancel_requested = true where id = ?").param(task).update();
            return new TrainingRun.Outcome(TrainingProgress.State.CANCELLED, null);
        } finally {
            waiting.remove(task);
        }
    }

    /** The worker holds the task while it is paused here (the pause budget is the app node's, see TrainingJob). */
    private void holdWhilePaused(long task, TrainingRun.Listener listener) {
        db.sql("update training_task set paused = true where id = ?").param(task).update();
        listener.holdWhilePaused();
        db.sql("update training_task set paused = false, updated_at = ? where id = ?").params(LocalDateTime.now(), task).update();
    }

    /** If the task's worker is gone ({@link #lost}), ends the task FAILED (once, whichever app node sees it first) and returns that. */
    private TrainingRun.Outcome endIfLost(long task, UUID job, Task t) {
        String lost = lost(job, t);
        if (lost == null) return null;
        TrainingRun.Outcome failed = new TrainingRun.Outcome(TrainingProgress.State.FAILED, lost);
        boolean ended = db.sql("update training_task set state = 'ENDED', outcome = ? where id = ? and state <> 'ENDED'")
                .params(Wire.write(failed), task).update() == 1;
        return ended ? failed : null;
    }

    /**
     * Every job handed to the workers by any app node that has not ended, for the instructor's
     * dashboard: running ones first (position 0, with their worker), then the ones JobRunr has not
     * started (positions 1, 2, … in the order they were handed over). The job id is the task's, negated.
     */
    public List<ClassQueue.QueueEntry> tasks() {
        List<ClassQueue.QueueEntry> entries = new ArrayList<>();
        db.sql("""
                select id, student, name, state, worker, origin, started_at, epoch, epochs from training_task
                where state <> 'ENDED' order by case when state = 'RUNNING' then 0 else 1 end, id""")
                .query(rs -> {
                    boolean running = rs.getString(4).equals("RUNNING");
                    Timestamp started = rs.getTimestamp(7);
                    double seconds = running && started != null ? (System.currentTimeMillis() - started.getTime()) / 1000.0 : 0;
                    int position = running ? 0 : entries.size() + 1 - (int) entries.stream().filter(e -> e.position() == 0).count();
                    entries.add(new ClassQueue.QueueEntry(-rs.getLong(1), new StudentId(rs.getString(2)), rs.getString(3),
                            running ? TrainingProgress.State.RUNNING : TrainingProgress.State.QUEUED, position, seconds, rs.getInt(8), rs.getInt(9),
                            running ? rs.getString(5) : rs.getString(6)));
                });
        return entries;
    }

    /** The students, of every app node, whose latest job at the workers ended well. */
    public Set<StudentId> finishedWell() {
        Set<StudentId> done = new HashSet<>();
        db.sql("""
                select student, outcome from training_task
                where id in (select max(id) from training_task group by student) and state = 'ENDED' and outcome is not null""")
                .query(rs -> {
                    if (Wire.read(rs.getBytes(2), TrainingRun.Outcome.class).state() == TrainingProgress.State.DONE) {
                        done.add(new StudentId(rs.getString(1)));
                    }
                });
        return done;
    }

    /** How long an ended task's row (its student, name and outcome: a few hundred bytes) is kept for the roster. */
    static final Duration ENDED_KEPT = Duration.ofHours(24);

    /**
     * After its result has reached the job: the task's updates (curves, mistakes, the learned
     * parameters) and its request are removed, and rows that ended over {@link #ENDED_KEPT} ago are
     * deleted, so the tables stay bounded over a day of classes.
     */
    void tidy(long task) {
        db.sql("delete from training_update where task_id = ?").param(task).update();
        db.sql("update training_task set request = ? where id = ?").params(new byte[0], task).update();
        db.sql("delete from training_task where state = 'ENDED' and updated_at < ?").param(LocalDateTime.now().minus(ENDED_KEPT)).update();
    }

    /** The instructor stops a job at the workers, whichever app node it came from (its node then hears CANCELLED). */
    public void cancelTask(long taskId) {
        db.sql("update training_task set cancel_requested = true where id = ?").param(taskId).update();
    }

    /** Why the job will not come back (an i18n key), or null while it may. */
    private String lost(UUID job, Task t) {
        try {
            StateName state = storage.getJobById(job).getState();
            if (state == StateName.FAILED || state == StateName.DELETED) return "training.error.workerLost";
        } catch (JobNotFoundException e) {
            return "training.error.workerLost";
        }
        // a running task's worker beats every 2 s: silence means it died in the middle of it, and it is not tried again
        boolean silent = t.state().equals("RUNNING") && !t.paused()
                && t.updatedAt().isBefore(LocalDateTime.now().minusSeconds(node.workerSilenceSeconds()));
        return silent ? "training.error.workerDied" : null;
    }

    private long insert(TrainingRequest r, long wallMillis) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        LocalDateTime now = LocalDateTime.now();
        db.sql("""
                insert into training_task (origin, student, name, request, wall_millis, state, attempt, epoch, epochs,
                                           cancel_requested, paused, created_at, updated_at)
                values (?, ?, ?, ?, ?, 'QUEUED', 0, 0, ?, false, false, ?, ?)""")
                .params(node.name(), r.student().value(), r.name() == null ? "" : r.name(), Wire.write(r), wallMillis, r.epochs(), now, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private List<Update> updates(long task, int after) {
        return db.sql("select seq, attempt, payload from training_update where task_id = ? and seq > ? order by seq").params(task, after)
                .query((rs, n) -> new Update(rs.getInt(1), rs.getInt(2), rs.getBytes(3))).list();
    }

    private Task task(long task) {
        return db.sql("""
                select state, paused, updated_at, outcome, (select coalesce(max(seq), 0) from training_update where task_id = t.id)
                from training_task t where id = ?""").param(task)
                .query((rs, n) -> new Task(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toLocalDateTime(), rs.getBytes(4), rs.getInt(5)))
                .single();
    }

    private record Update(int seq, int attempt, byte[] payload) {
    }

    private record Task(String state, boolean paused, LocalDateTime updatedAt, byte[] outcome, int lastSeq) {
    }
}
