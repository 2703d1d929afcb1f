package org.cnnlab.training;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;

/**
 * Every job this node knows (waiting, running and recently finished) and the line the waiting ones
 * stand in ({@link RoundRobinQueue}). Thread-safe: request threads add, cancel and read; worker
 * threads block in {@link #take} until a job waits and the queue is not held.
 */
final class JobTable {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, TrainingJob> jobs = new ConcurrentHashMap<>();
    private final RoundRobinQueue<StudentId, TrainingJob> waiting = new RoundRobinQueue<>();   // guarded by this
    private boolean held;     // guarded by this
    private boolean closed;   // guarded by this

    /**
     * Queues one student's series (each run its own turn), unless the student already has
     * {@code perStudent} unfinished series, or {@code address} (anonymous students: every session
     * from one address together) has {@code perAddress}. A series counts once.
     */
    synchronized List<TrainingJob> add(List<TrainingRequest> requests, List<Long> parameters, String address, int perStudent, int perAddress) {
        StudentId student = requests.getFirst().student();
        if (unfinishedSeries(j -> j.student().equals(student)) >= perStudent) {
            throw new InvalidInputException("training.error.busy", perStudent);
        }
        if (address != null && unfinishedSeries(j -> address.equals(j.address)) >= perAddress) {
            throw new InvalidInputException("training.error.busyAddress", perAddress);
        }
        List<TrainingJob> series = new ArrayList<>();
        long first = ids.incrementAndGet();
        for (int i = 0; i < requests.size(); i++) {
            TrainingJob job = new TrainingJob(i == 0 ? first : ids.incrementAndGet(), first, requests.get(i), parameters.get(i), address);
            series.add(job);
            jobs.put(job.id, job);
            waiting.add(student, job);
        }
        notifyAll();
        return series;
    }

    private long unfinishedSeries(Predicate<TrainingJob> whose) {
        return jobs.values().stream().filter(j -> whose.test(j) && !j.finished()).map(j -> j.series).distinct().count();
    }

    /** The job with this id, or null (never queued here, or let go). */
    TrainingJob get(long id) {
        return jobs.get(id);
    }

    Stream<TrainingJob> all() {
        return jobs.values().stream();
    }

    Stream<TrainingJob> of(StudentId student) {
        return all().filter(j -> j.student().equals(student));
    }

    /** The students whose most recent job here finished well (DONE). */
    Set<StudentId> latestDone() {
        Map<StudentId, TrainingJob> latest = new HashMap<>();
        all().forEach(j -> latest.merge(j.student(), j, (a, b) -> a.id > b.id ? a : b));
        Set<StudentId> done = new HashSet<>();
        latest.forEach((student, j) -> {
            if (j.state() == TrainingProgress.State.DONE) done.add(student);
        });
        return done;
    }

    /** The next job in turn, taken out of the line, once one waits and the queue is not held; null once closed. */
    synchronized TrainingJob take() throws InterruptedException {
        while (!closed && (waiting.isEmpty() || held)) wait();
        if (closed) return null;
        TrainingJob job = waiting.next();
        job.taken();
        return job;
    }

    /** Takes a waiting job out of the line; false if it was not waiting (it runs, or has finished). */
    synchronized boolean leave(TrainingJob job) {
        return waiting.remove(job.student(), job);
    }

    /** A waiting job's place in line (1, 2, …), 0 for any other. */
    synchronized int position(TrainingJob job) {
        return job.state() == TrainingProgress.State.QUEUED ? waiting.position(job) : 0;
    }

    synchronized List<TrainingJob> turnOrder() {
        return waiting.turnOrder();
    }

    /** The run after this one in its series, or −1. */
    long nextInSeries(TrainingJob job) {
        return all().filter(j -> j.series == job.series && j.id > job.id).mapToLong(j -> j.id).min().orElse(-1);
    }

    synchronized void hold(boolean hold) {
        held = hold;
        notifyAll();
    }

    synchronized boolean held() {
        return held;
    }

    /** Wakes every waiting worker to find nothing more to take. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    /** Lets go of all but the student's {@code kept} latest finished jobs (and their models). */
    void keepRecent(StudentId student, int kept) {
        of(student).filter(TrainingJob::finished).sorted(Comparator.comparingLong(j -> -j.id)).skip(kept).toList().forEach(j -> jobs.remove(j.id));
    }

    void removeFinished(StudentId student) {
        jobs.values().removeIf(j -> j.student().equals(student) && j.finished());
    }
}
