package org.cnnlab.base;

import java.util.concurrent.locks.ReentrantLock;

/**
 * DJL's PyTorch engine lets one gradient collector be open at a time in the whole process (a
 * static flag in {@code PtGradientCollector}): a second one, on any thread, fails. Every piece of
 * code that records gradients — a training batch, a step of the gradient-descent lab — holds this
 * fair lock around its collector, so they take turns instead. It is static because the flag it
 * guards is: two Spring contexts in one JVM (as in the tests) share it too.
 */
public final class Autograd {

    private static final ReentrantLock LOCK = new ReentrantLock(true);

    /** Held until closed: {@code try (Autograd.Held held = Autograd.hold()) { … collector … }}. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private Autograd() {
    }

    public static Held hold() {
        LOCK.lock();
        return LOCK::unlock;
    }

    /**
     * Forward passes that nobody differentiates (a prediction, feature maps, occlusion, LIME), like
     * PyTorch's {@code torch.no_grad()}: until closed, this thread records no graph for a backward
     * pass, which a model whose weights require gradients would otherwise build on every operation.
     * PyTorch's gradient mode is per thread, so a collector on another thread is not affected.
     */
    public static Held withoutGradients() {
        boolean was = ai.djl.pytorch.jni.JniUtils.isGradMode();
        ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        return () -> ai.djl.pytorch.jni.JniUtils.setGradMode(was);
    }
}
