package org.cnnlab.inspection;

import jakarta.annotation.PreDestroy;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.DoubleConsumer;
import org.cnnlab.base.BackgroundThreads;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.StudentState;
import org.cnnlab.imaging.Colormap;
import org.cnnlab.imaging.MapRenderer;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;
import org.cnnlab.inspection.saliency.Attribution;
import org.cnnlab.inspection.saliency.Computation;
import org.cnnlab.inspection.saliency.Passes;
import org.cnnlab.inspection.saliency.Progress;
import org.cnnlab.inspection.saliency.SaliencyRequest;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.TensorShape;
import org.springframework.stereotype.Service;

/**
 * Saliency maps: checks and prices a request ({@link SaliencyRequest#check}), runs its method, and
 * draws the map. A student's request runs as a job on the class's saliency thread ({@link #start}),
 * with progress, cancel and a wall-clock limit, one job per student (a new request replaces the
 * student's last); {@link #saliency} runs one on the caller's thread (lessons' own jobs, tests).
 */
@Service
public class SaliencyService implements StudentState {

    private final ModelRunner runner;
    private final SaliencyLimits limits;
    private final Map<StudentId, CompletableFuture<Saliency>> jobs = new ConcurrentHashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(BackgroundThreads.named("saliency"));

    public SaliencyService(ModelRunner runner, SaliencyLimits limits) {
        this.runner = runner;
        this.limits = limits;
    }

    public SaliencyLimits limits() {
        return limits;
    }

    /**
     * @param x the input as the network takes it, C×H×W in 0…1
     * <p>A map that is not all finite is refused with a message rather than drawn.
     */
    public Saliency saliency(TrainedModel model, float[] x, SaliencyRequest r) {
        return saliency(new TrainedSubject(model, runner), x, r);
    }

    public Saliency saliency(Subject model, float[] x, SaliencyRequest r) {
        check(model, x, r);
        return run(model, x, r, Progress.unobserved(limits.maxSeconds()));
    }

    /**
     * Checks and prices the request on the caller's thread (a refusal comes at once), then queues it
     * on the saliency thread. {@code progress} hears the fraction done after each batch of passes;
     * cancelling the returned future stops the computation at its next batch. Its wall-clock limit
     * ({@code cnnlab.saliency.max-seconds}) counts from when it starts.
     */
    public CompletableFuture<Saliency> start(StudentId student, Subject model, float[] x, SaliencyRequest r, DoubleConsumer progress) {
        long passes = check(model, x, r);
        CompletableFuture<Saliency> job = new CompletableFuture<>();
        CompletableFuture<Saliency> before = jobs.put(student, job);
        if (before != null) before.cancel(false);
        job.whenComplete((done, failed) -> jobs.remove(student, job));
        thread.execute(() -> {
            if (job.isDone()) return;   // cancelled while it waited
            try {
                job.complete(run(model, x, r, new Progress(passes, progress, job::isDone, limits.maxSeconds())));
            } catch (CancellationException e) {
                job.cancel(false);
            } catch (RuntimeException e) {
                job.completeExceptionally(e);
            }
        });
        return job;
    }

    /** @return the passes the request will make */
    private long check(Subject model, float[] x, SaliencyRequest r) {
        InspectionService.check(model, x);
        model.price(1, 1, true);   // every method makes at least one pass with a backward pass or its memory
        if (r.classIndex() < 0 || r.classIndex() >= model.classes().size()) throw new InvalidInputException("saliency.error.class");
        return r.check(model, limits);
    }

    private Saliency run(Subject model, float[] x, SaliencyRequest r, Progress progress) {
        Attribution a;
        try (OpenNetwork network = model.open()) {
            a = r.compute(new Computation(model, network, x, limits, progress));
        } catch (Passes.NotFinite e) {
            a = null;
        }
        if (a == null || !finite(a.map())) throw new InvalidInputException("saliency.error.numeric");
        TensorShape in = model.input();
        byte[] png = MapRenderer.render(a.map(), in.height(), in.width(), Colormap.VIRIDIS, MapRenderer.maxAbs(a.map())).png();
        byte[] input = PngEncoder.encode(PixelImage.fromUnit(in.channels(), in.height(), in.width(), x));
        return new Saliency(r.method(), r.classIndex(), a.map(), in.height(), in.width(), png, input, a.forwardPasses(), a.backwardPasses(),
                a.attributionSum(), a.scoreDifference());
    }

    private static boolean finite(float[] values) {
        for (float v : values) if (!Float.isFinite(v)) return false;
        return true;
    }

    @Override
    public void forget(StudentId student) {
        CompletableFuture<Saliency> job = jobs.remove(student);
        if (job != null) job.cancel(false);
    }

    @PreDestroy
    public void close() {
        jobs.values().forEach(j -> j.cancel(false));
        thread.shutdownNow();
    }
}
