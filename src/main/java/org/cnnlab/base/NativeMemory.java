package org.cnnlab.base;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * PyTorch frees a batch's tensors and allocates them again for the next batch. With glibc's
 * default malloc settings, blocks that large are unmapped when freed and faulted in again, page by
 * page: thousands of page faults per batch, most of a small CNN's training time on these machines
 * (measured by {@code TrainingBenchmark}: 0.82× PyTorch-Python's throughput before, 2.44× after, on
 * one thread). Raising M_MMAP_THRESHOLD to 32 MB and M_TRIM_THRESHOLD to 1 GB keeps freed memory in
 * the process for reuse; the cost is that the process keeps its peak memory instead of returning it
 * to the system. Done once per JVM, before the engine allocates; off with
 * {@code -Dcnnlab.malloc.keep-freed=false}; a no-op where there is no glibc {@code mallopt}.
 */
public final class NativeMemory {

    private static volatile Boolean applied;

    private NativeMemory() {
    }

    /** @return whether glibc accepted both settings (now or on an earlier call) */
    public static synchronized boolean keepFreedMemory() {
        if (applied == null) applied = !"false".equals(System.getProperty("cnnlab.malloc.keep-freed")) && apply();
        return applied;
    }

    /** Applies the settings even when the property turned them off (the benchmark's "after" half). */
    public static synchronized boolean keepFreedMemoryNow() {
        applied = apply();
        return applied;
    }

    private static boolean apply() {
        try {
            Linker linker = Linker.nativeLinker();
            var symbol = linker.defaultLookup().find("mallopt");
            if (symbol.isEmpty()) return false;
            MethodHandle mallopt = linker.downcallHandle(symbol.get(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
            int mmapThreshold = (int) mallopt.invokeExact(-3 /* M_MMAP_THRESHOLD */, 32 << 20);
            int trimThreshold = (int) mallopt.invokeExact(-1 /* M_TRIM_THRESHOLD */, 1 << 30);
            return mmapThreshold == 1 && trimThreshold == 1;
        } catch (Throwable e) {
            return false;
        }
    }
}
