package org.cnnlab;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the tests of native-memory leaks measure: the resident set outside the Java heap (Linux). */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    /**
     * VmRSS minus the committed Java heap and non-heap, in KiB, after two GCs with a pause between
     * (DJL hands tensors direct buffers that a Cleaner frees only after the GC that finds them).
     */
    public static long nativeKb() throws Exception {
        System.gc();
        Thread.sleep(200);
        System.gc();
        Thread.sleep(100);
        long rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
        var memory = ManagementFactory.getMemoryMXBean();
        return rss - (memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted()) / 1024;
    }
}
