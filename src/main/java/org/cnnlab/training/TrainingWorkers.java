package org.cnnlab.training;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.cnnlab.base.BackgroundThreads;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.training.TrainingProgress.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training worker threads (at background priority, {@link BackgroundThreads}): each takes the
 * next job in turn from the {@link JobTable} and runs it through the {@link TrainingExecutor}, with
 * the wall-time limit in force when it starts. A job that fails, even with an {@link Error}, ends
 * FAILED and the worker takes the next one; what happened goes to {@link Reports}.
 */
final class TrainingWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingWorkers.class);

    /** What the workers tell the service that owns the jobs. */
    interface Reports {
        /** A worker took this job from the line (the ones still waiting moved up). */
        void taken(TrainingJob job);

        /** The job's state changed (it started, a batch, an epoch, a pause). */
        void changed(TrainingJob job);

        /** The job ended. */
        void ended(TrainingJob job, TrainingRun.Outcome outcome);
    }

    private final JobTable jobs;
    private final TrainingExecutor executor;
    private final Supplier<TrainingLimits> limits;
    private final Reports reports;
    private final int threads;
    private final AtomicInteger alive = new AtomicInteger();
    private final ExecutorService pool;
    private volatile boolean closed;

    TrainingWorkers(JobTable jobs, TrainingExecutor executor, int threads, Supplier<TrainingLimits> limits, Reports reports) {
        this.jobs = jobs;
        this.executor = executor;
        this.limits = limits;
        this.reports = reports;
        this.threads = threads;
        alive.set(threads);   // each loop counts itself out when it ends
        pool = Executors.newFixedThreadPool(threads, BackgroundThreads.named("cnnlab-training"));
        for (int i = 0; i < threads; i++) {
            pool.submit(this::work);
        }
    }

    private void work() {
        try {
            while (!closed) {
                TrainingJob job;
                try {
                    job = jobs.take();
                } catch (InterruptedException e) {
                    return;
                }
                if (job == null) return;
                try {
                    reports.taken(job);
                    reports.ended(job, run(job));
                } catch (Throwable e) {   // run reports its own failures; this is a last resort that keeps the worker
                    LOG.error("Training worker: job {} could not be finished", job.id, e);
                    if (!job.finished()) reports.ended(job, new TrainingRun.Outcome(State.FAILED, "training.error.failed"));
                }
            }
        } finally {
            alive.decrementAndGet();
        }
    }

    private TrainingRun.Outcome run(TrainingJob job) {
        TrainingLimits now = limits.get();
        job.start(now.maxWallSeconds() * 1000L);
        reports.changed(job);
        Runnable changed = () -> reports.changed(job);
        try {
            JobListener listener = new JobListener(job, changed, () -> job.holdWhilePaused(now, () -> closed, changed));
            return executor.run(job.request(), job.wallMillis(), () -> job.cancelled() || closed, listener);
        } catch (InvalidInputException e) {
            return new TrainingRun.Outcome(State.FAILED, e.messageKey(), e.args());
        } catch (Throwable e) {   // any Error too (a native engine's, a stack overflow): the job fails, the worker goes on
            LOG.error("Training job {} of {} failed", job.id, job.student(), e);
            return new TrainingRun.Outcome(State.FAILED, "training.error.failed");
        }
    }

    /**
     * The workers as {@code /actuator/health} sees them ({@link TrainingWorkerHealth}): how many
     * loops should run and how many do, and the running jobs that are more than {@code graceMillis}
     * past their wall-time limit. Cheap: counters and the job table, no lock.
     */
    Health health(long graceMillis) {
        long now = System.currentTimeMillis();
        List<Health.Overdue> overdue = jobs.all().filter(j -> j.overdue(now, graceMillis))
                .map(j -> new Health.Overdue(j.id, j.runningMillis(now) / 1000, j.wallMillis() / 1000)).toList();
        return new Health(threads, closed ? threads : alive.get(), overdue);
    }

    record Health(int workers, int alive, List<Overdue> overdue) {
        record Overdue(long jobId, long runningSeconds, long wallSeconds) {
        }
    }

    boolean closed() {
        return closed;
    }

    /** Stops every job and waits (up to 30 s) for the running batches to finish and their models to close. */
    void close() {
        closed = true;
        jobs.all().forEach(TrainingJob::cancel);
        jobs.close();
        pool.shutdownNow();
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
