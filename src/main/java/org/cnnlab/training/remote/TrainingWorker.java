package org.cnnlab.training.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.NodeSettings;
import org.cnnlab.base.Wire;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.models.EpochMetrics;
import org.cnnlab.network.Budget;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.ShapeInference;
import org.cnnlab.training.RequestCheck;
import org.cnnlab.training.TrainingProgress;
import org.cnnlab.training.TrainingRequest;
import org.cnnlab.training.TrainingRun;
import org.jobrunr.jobs.annotations.Job;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A worker node's side of training: JobRunr hands it a {@link TrainTask}; it claims the task row,
 * trains with {@link TrainingRun} (the same code the one-machine server runs), writes what the run
 * reports as {@link TaskUpdate}s every {@value #FLUSH_MILLIS} ms with a NOTIFY, follows the student's
 * cancel and pause from the row, and ends the row with the outcome. A task handed back by a worker
 * that was shut down starts again here as a new attempt; a task whose worker died in the middle of
 * it ends failed instead (the job may be what killed it), and a task that has ended is not run again.
 */
@Component
@ConditionalOnExpression("'${cnnlab.node.role:single}'.equalsIgnoreCase('worker')")
public class TrainingWorker implements JobRequestHandler<TrainTask> {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingWorker.class);
    static final long FLUSH_MILLIS = 250;

    private final JdbcClient db;
    private final NetworkFactory factory;
    private final NodeSettings node;
    private final DatasetCatalog catalog;

    private final RequestCheck check;

    TrainingWorker(JdbcClient db, NetworkFactory factory, NodeSettings node, DatasetCatalog catalog,
                   NetworkLimits networkLimits, Budget budget) {
        this.db = db;
        this.check = new RequestCheck(new ShapeInference(networkLimits), budget);
        this.catalog = catalog;
        this.factory = factory;
        this.node = node;
    }

    /** A running task's row is touched this often by a heartbeat of its own, however long a batch takes. */
    static final long HEARTBEAT_MILLIS = 2_000;
    /** A row still RUNNING without a heartbeat for this long: the worker that claimed it died in the middle of it. */
    static final long DEAD_MILLIS = 15_000;
    /** How long a worker that is shut down waits for its running task to stop at a batch and go back to the queue. */
    static final long HAND_BACK_MILLIS = 20_000;

    private volatile boolean stopping;
    private volatile long current;   // the task being trained here, or 0
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().daemon().name("cnnlab-task-heartbeat").unstarted(r));

    {
        heartbeat.scheduleWithFixedDelay(this::beat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        long task = current;
        if (task == 0) return;
        try {
            db.sql("update training_task set updated_at = ? where id = ? and state = 'RUNNING'").params(LocalDateTime.now(), task).update();
        } catch (RuntimeException e) {   // PostgreSQL away: the next beat tries again (a scheduled task that throws is never run again)
            LOG.debug("Training task {}: heartbeat waits for PostgreSQL ({})", task, e.toString());
        }
    }

    /**
     * A worker shut down on purpose (SIGTERM: the context closes) hands its running task back before
     * anything else closes: the run stops at its next batch, the row goes back to QUEUED and JobRunr
     * retries the job on another worker, where it starts again. A worker that dies instead (killed, out
     * of memory, a native crash) leaves its row RUNNING, and the job is not tried again (see claim).
     */
    @EventListener(ContextClosedEvent.class)
    void handBack() {
        stopping = true;
        long deadline = System.currentTimeMillis() + HAND_BACK_MILLIS;
        while (current != 0 && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        heartbeat.shutdownNow();
    }

    @Override
    @Job(name = "Training task %0", retries = 2)   // retries: a task handed back by a worker shut down, or PostgreSQL away at the claim
    public void run(TrainTask t) {
        if (stopping) throw new IllegalStateException("worker " + node.name() + " is shutting down: task " + t.taskId() + " left for another worker");
        Optional<Claimed> claimed = claim(t.taskId());
        if (claimed.isEmpty()) return;
        current = t.taskId();
        try {
            train(t, claimed.get());
        } finally {
            current = 0;
        }
    }

    private void train(TrainTask t, Claimed claimed) {
        Reporter reporter = new Reporter(t.taskId(), claimed);
        TrainingRun.Outcome outcome;
        try {
            check.price(claimed.request(), (int) Math.min(Integer.MAX_VALUE, claimed.wallMillis() / 1000));  // refused here, not run out of memory
            outcome = TrainingRun.run(factory, catalog, claimed.request(), claimed.wallMillis(), () -> stopping || reporter.cancelled(), reporter);
        } catch (InvalidInputException e) {
            outcome = new TrainingRun.Outcome(TrainingProgress.State.FAILED, e.messageKey(), e.args());
        } catch (Throwable e) {   // an Error too: the task ends failed, the worker goes on
            LOG.error("Training task {} failed", t.taskId(), e);
            outcome = new TrainingRun.Outcome(TrainingProgress.State.FAILED, "training.error.failed");
        }
        if (stopping && outcome.state() == TrainingProgress.State.CANCELLED && !reporter.cancel) {
            db.sql("update training_task set state = 'QUEUED', updated_at = ? where id = ? and state = 'RUNNING'").params(LocalDateTime.now(), t.taskId()).update();
            LOG.info("Shutting down: training task {} handed back for another worker", t.taskId());
            throw new IllegalStateException("worker " + node.name() + " shut down: task " + t.taskId() + " handed back for another worker");
        }
        byte[] ended = Wire.write(outcome);
        for (int tries = 1; ; tries++) {   // PostgreSQL may be restarting: the result is kept until it is written
            try {
                reporter.flush();
                if (!reporter.pending.isEmpty()) throw new TransientDataAccessResourceException("updates not written");
                db.sql("update training_task set state = 'ENDED', outcome = ?, updated_at = ? where id = ?")
                        .params(ended, LocalDateTime.now(), t.taskId()).update();
                db.sql("select pg_notify(?, ?)").params(RemoteTraining.CHANNEL, Long.toString(t.taskId())).query().singleValue();
                return;
            } catch (DataAccessException e) {
                if (tries >= 60) throw e;
                sleep(1000);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Claimed(TrainingRequest request, long wallMillis, int attempt, int nextSeq) {
    }

    /**
     * The task, if it waits (new, or handed back by a worker shut down). A task another worker had
     * claimed and that has had no heartbeat for {@value #DEAD_MILLIS} ms is one whose worker died in
     * the middle of it (JobRunr found the job orphaned and retries it here): it ends failed and is not
     * run again, so a job that kills its worker (out of memory, a native crash) cannot kill the next.
     */
    private Optional<Claimed> claim(long task) {
        LocalDateTime now = LocalDateTime.now();
        int changed = db.sql("update training_task set state = 'RUNNING', worker = ?, attempt = attempt + 1, epoch = 0, started_at = ?, "
                        + "updated_at = ? where id = ? and state = 'QUEUED'").params(node.name(), now, now, task).update();
        if (changed == 0) {
            byte[] died = Wire.write(new TrainingRun.Outcome(TrainingProgress.State.FAILED, "training.error.workerDied"));
            if (db.sql("update training_task set state = 'ENDED', outcome = ?, updated_at = ? where id = ? and state = 'RUNNING' and updated_at < ?")
                    .params(died, now, task, now.minus(Duration.ofMillis(DEAD_MILLIS))).update() == 1) {
                LOG.warn("Training task {}: its worker died in the middle of it; ended as failed, not run again", task);
                db.sql("select pg_notify(?, ?)").params(RemoteTraining.CHANNEL, Long.toString(task)).query().singleValue();
            }
            return Optional.empty();
        }
        return Optional.of(db.sql("""
                        select request, wall_millis, attempt, (select coalesce(max(seq), 0) + 1 from training_update where task_id = t.id)
                        from training_task t where id = ?""").param(task)
                .query((rs, n) -> new Claimed(Wire.read(rs.getBytes(1), TrainingRequest.class), rs.getLong(2), rs.getInt(3), rs.getInt(4)))
                .single());
    }

    /** Collects the run's listener calls and writes them out; reads the student's cancel and pause from the row. */
    private final class Reporter implements TrainingRun.Listener {
        private final long task;
        private final int attempt;
        private int seq;
        private int epoch;
        private final List<TaskUpdate> pending = new ArrayList<>();
        private long flushed = System.currentTimeMillis();
        private long read;
        private boolean cancel;
        private boolean paused;

        Reporter(long task, Claimed claimed) {
            this.task = task;
            this.attempt = claimed.attempt();
            this.seq = claimed.nextSeq();
        }

        private void add(TaskUpdate update, boolean now) {
            pending.add(update);
            if (now || System.currentTimeMillis() - flushed >= FLUSH_MILLIS) flush();
        }

        /** Writes what is pending; while PostgreSQL is away the run goes on and the updates wait for the next flush. */
        void flush() {
            flushed = System.currentTimeMillis();
            try {
                if (!pending.isEmpty()) {
                    db.sql("insert into training_update (task_id, seq, attempt, payload) values (?, ?, ?, ?)")
                            .params(task, seq, attempt, Wire.write(new TaskUpdate.Several(List.copyOf(pending)))).update();
                    seq++;
                    pending.clear();
                }
                db.sql("update training_task set updated_at = ?, epoch = ? where id = ?").params(LocalDateTime.now(), epoch, task).update();
                db.sql("select pg_notify(?, ?)").params(RemoteTraining.CHANNEL, Long.toString(task)).query().singleValue();
            } catch (DataAccessException e) {
                LOG.debug("Training task {}: updates wait for PostgreSQL ({})", task, e.getMessage());
            }
        }

        private void readFlags() {
            if (System.currentTimeMillis() - read < FLUSH_MILLIS) return;
            read = System.currentTimeMillis();
            try {
                db.sql("select cancel_requested, paused from training_task where id = ?").param(task).query(rs -> {
                    cancel = rs.getBoolean(1);
                    paused = rs.getBoolean(2);
                });
            } catch (DataAccessException e) {
                // PostgreSQL away: keep the last flags
            }
        }

        boolean cancelled() {
            readFlags();
            return cancel;
        }

        @Override
        public void batch(int epoch, long step, long totalSteps, double loss) {
            this.epoch = epoch;
            add(new TaskUpdate.Batch(epoch, step, totalSteps, loss), false);
        }

        @Override
        public void epoch(EpochMetrics metrics) {
            add(new TaskUpdate.Epoch(metrics), true);
        }

        @Override
        public void confusion(int[][] matrix, boolean onTestSet) {
            add(new TaskUpdate.Confusion(matrix, onTestSet), false);
        }

        @Override
        public void trained(byte[] parameters) {
            add(new TaskUpdate.Trained(parameters), true);
        }

        @Override
        public void shifted(double[] accuracyByShift) {
            add(new TaskUpdate.Shifted(accuracyByShift), false);
        }

        @Override
        public void mistakes(List<TrainingRun.Mistake> mistakes) {
            add(new TaskUpdate.Mistakes(mistakes), false);
        }

        @Override
        public long holdWhilePaused() {
            readFlags();
            if (!paused) return 0;
            flush();
            long start = System.currentTimeMillis();
            while (paused && !cancel && !stopping) {   // a worker shut down hands a paused task back too
                try {
                    Thread.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                readFlags();
                if (System.currentTimeMillis() - flushed > 2_000) flush();   // a heartbeat while paused
            }
            return System.currentTimeMillis() - start;
        }
    }
}
