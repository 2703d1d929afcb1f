package org.cnnlab.network;

import org.cnnlab.base.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * The one place a request is priced against the server's budget ({@link BudgetLimits}) before it
 * runs: training jobs (when queued, and again on the worker that runs them), model uploads,
 * inspection and saliency. A request over budget is refused with a translated message that says
 * which number is too big, by how much, and what would fit. The formulas are {@link Price}'s.
 */
@Service
public class Budget {

    private static final double MB = 1024.0 * 1024.0;

    private final BudgetLimits limits;

    public Budget(BudgetLimits limits) {
        this.limits = limits;
    }

    public BudgetLimits limits() {
        return limits;
    }

    /**
     * A training job: {@code epochs} passes with gradients over {@code trainImages} at {@code batch},
     * and forward passes over {@code evalImages} in all (validation after each epoch, the test set
     * and its shifted copies at the end); seconds against the job's wall-time limit.
     */
    public void checkTraining(NetworkAnalysis analysis, int batch, long trainImages, int epochs, long evalImages, int maxWallSeconds) {
        Price price = Price.of(analysis);
        long bytes = price.trainingBytes(batch);
        if (bytes > limits.trainingMemoryBytes()) {
            int fits = price.largestTrainingBatch(limits.trainingMemoryBytes());
            throw new InvalidInputException(fits == 0 ? "budget.error.trainingMemoryOne" : "budget.error.trainingMemory", bytes / MB, batch,
                    price.activationBytesPerImage() / MB, limits.trainingMemoryBytes() / MB, (double) bytes / limits.trainingMemoryBytes(), fits);
        }
        double seconds = price.seconds((double) trainImages * epochs, true, limits.macsPerSecond())
                + price.seconds(evalImages, false, limits.macsPerSecond());
        if (seconds > maxWallSeconds) {
            double macs = (double) price.macsPerImage() * (3.0 * trainImages * epochs + evalImages);
            throw new InvalidInputException("budget.error.trainingSeconds", seconds, maxWallSeconds, seconds / maxWallSeconds, macs / 1e9);
        }
    }

    /** {@code passes} forward passes in batches of {@code batch} (predictions, layer maps, occlusion, LIME, an upload's check). */
    public void checkForward(NetworkAnalysis analysis, int batch, long passes) {
        Price price = Price.of(analysis);
        check(price.forwardBytes(batch), batch, price.seconds(passes, false, limits.macsPerSecond()));
    }

    /** {@code passes} forward and backward passes for ∂/∂x in batches of {@code batch} (gradient saliency). */
    public void checkGradients(NetworkAnalysis analysis, int batch, long passes) {
        Price price = Price.of(analysis);
        check(price.gradientBytes(batch), batch, price.seconds(passes, true, limits.macsPerSecond()));
    }

    /**
     * A network the app did not design (the pretrained CNN), priced from what was measured on it: the
     * bytes of all its intermediate outputs for one image, kept once for a forward pass and three
     * times with a backward pass (as {@link Price}), plus its parameters. Its passes are bounded by
     * the saliency pass budget, so only its memory is checked here.
     */
    public void checkMeasured(long activationBytesPerImage, long parameterBytes, int batch, boolean gradients) {
        long bytes = (gradients ? 3 : 1) * (long) batch * activationBytesPerImage + (gradients ? 2 : 1) * parameterBytes;
        check(bytes, batch, 0);
    }

    private void check(long bytes, int batch, double seconds) {
        if (bytes > limits.requestMemoryBytes()) {
            throw new InvalidInputException("budget.error.requestMemory", bytes / MB, batch, limits.requestMemoryBytes() / MB,
                    (double) bytes / limits.requestMemoryBytes());
        }
        if (seconds > limits.requestSeconds()) {
            throw new InvalidInputException("budget.error.requestSeconds", seconds, limits.requestSeconds(), seconds / limits.requestSeconds());
        }
    }
}
