package org.cnnlab.inspection.saliency;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.cnnlab.base.InvalidInputException;

/**
 * How far a saliency computation is, told after each batch of passes: the fraction done goes to a
 * listener (the page's progress bar), and this is where a computation stops when it was cancelled
 * ({@link CancellationException}) or has run past its wall-clock limit (a translated refusal).
 */
public final class Progress {
    private final long total;
    private final DoubleConsumer listener;
    private final BooleanSupplier cancelled;
    private final long deadline;
    private final int seconds;
    private long done;

    /**
     * @param total the passes the computation will make (its price)
     * @param seconds the wall-clock limit from now
     */
    public Progress(long total, DoubleConsumer listener, BooleanSupplier cancelled, int seconds) {
        this.total = Math.max(1, total);
        this.listener = listener;
        this.cancelled = cancelled;
        this.seconds = seconds;
        this.deadline = System.nanoTime() + seconds * 1_000_000_000L;
    }

    /** No listener, never cancelled, bounded by {@code seconds}. */
    public static Progress unobserved(int seconds) {
        return new Progress(1, f -> { }, () -> false, seconds);
    }

    /** {@code passes} more passes are done. */
    void advance(long passes) {
        done += passes;
        if (cancelled.getAsBoolean()) throw new CancellationException();
        if (System.nanoTime() - deadline >= 0) throw new InvalidInputException("saliency.error.time", seconds);
        listener.accept(Math.min(1, done / (double) total));
    }
}
