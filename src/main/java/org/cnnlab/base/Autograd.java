package org.cnnlab.base;

import ai.djl.pytorch.jni.JniUtils;
import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DJL's PyTorch engine lets one gradient collector be open at a time in the whole process (a
 * static flag in {@code PtGradientCollector}): a second one, on any thread, fails. Every piece of
 * code that records gradients — a training batch, a step of the gradient-descent lab — holds this
 * fair lock around its collector, so they take turns instead. It is static because the flag it
 * guards is: two Spring contexts in one JVM (as in the tests) share it too.
 *
 * <p>Whoever holds the lock (the outermost hold) is the only one who may have a collector open, so
 * a flag still set then was left by a collector that never closed (a failure between its opening
 * and its {@code close}); {@link #hold} clears it, so one failed job cannot make every later one
 * fail with "PtGradientCollector is already collecting". Nothing is allocated between taking the
 * lock and returning it, so an {@code OutOfMemoryError} cannot leave the lock taken.
 */
public final class Autograd {
    private static final Logger LOG = LoggerFactory.getLogger(Autograd.class);

    private static final ReentrantLock LOCK = new ReentrantLock(true);
    private static final Held UNLOCK = LOCK::unlock;
    private static final Held GRADIENTS_ON = () -> JniUtils.setGradMode(true);
    private static final Held GRADIENTS_OFF = () -> JniUtils.setGradMode(false);
    private static final AtomicBoolean COLLECTING = collectingFlag();

    /** Held until closed: {@code try (Autograd.Held held = Autograd.hold()) { … collector … }}. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private Autograd() {
    }

    public static Held hold() {
        LOCK.lock();
        try {
            if (LOCK.getHoldCount() == 1 && COLLECTING != null && COLLECTING.getAndSet(false)) {
                LOG.warn("A gradient collector was left open by a failed computation; cleared");
            }
        } catch (Throwable e) {
            LOCK.unlock();
            throw e;
        }
        return UNLOCK;
    }

    /** Whether DJL's process-wide flag says a gradient collector is open (false if it cannot be read). */
    public static boolean collecting() {
        return COLLECTING != null && COLLECTING.get();
    }

    /**
     * DJL's own flag (a private static {@code AtomicBoolean}; DJL 0.36). If a later DJL renames it,
     * training still works as before, without the clean-up, and the start-up log says so.
     */
    private static AtomicBoolean collectingFlag() {
        try {
            Field f = Class.forName("ai.djl.pytorch.engine.PtGradientCollector").getDeclaredField("isCollecting");
            f.setAccessible(true);
            return (AtomicBoolean) f.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("DJL's gradient-collector flag not found ({}): a collector left open by a failure is not cleared", e.toString());
            return null;
        }
    }

    /**
     * Forward passes that nobody differentiates (a prediction, feature maps, occlusion, LIME), like
     * PyTorch's {@code torch.no_grad()}: until closed, this thread records no graph for a backward
     * pass, which a model whose weights require gradients would otherwise build on every operation.
     * PyTorch's gradient mode is per thread, so a collector on another thread is not affected.
     */
    public static Held withoutGradients() {
        Held restore = JniUtils.isGradMode() ? GRADIENTS_ON : GRADIENTS_OFF;   // chosen before the mode changes
        JniUtils.setGradMode(false);
        return restore;
    }
}
