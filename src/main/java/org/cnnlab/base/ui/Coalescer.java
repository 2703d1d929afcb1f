package org.cnnlab.base.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Passes on at most one value every {@code millis} ms, and always the latest: a value offered
 * inside the window is held and sent when the window ends (a trailing send), so the last update
 * of a burst is never dropped. Used where a producer can outpace a browser (training snapshots).
 * {@code urgent} values (a job that finished) go at once.
 */
public final class Coalescer<T> {

    private final long millis;
    private final Consumer<T> sink;
    private T pending;
    private boolean scheduled;
    private long sentAt = Long.MIN_VALUE / 2;

    public Coalescer(long millis, Consumer<T> sink) {
        this.millis = millis;
        this.sink = sink;
    }

    public void offer(T value, boolean urgent) {
        long wait;
        synchronized (this) {
            pending = value;
            if (scheduled) return;
            wait = urgent ? 0 : sentAt + millis - System.currentTimeMillis();
            if (wait > 0) {
                scheduled = true;
                CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(this::flush);
                return;
            }
        }
        flush();
    }

    private void flush() {
        T value;
        synchronized (this) {
            value = pending;
            pending = null;
            scheduled = false;
            if (value == null) return;
            sentAt = System.currentTimeMillis();
        }
        sink.accept(value);
    }
}
