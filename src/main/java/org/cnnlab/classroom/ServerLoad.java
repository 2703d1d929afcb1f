package org.cnnlab.classroom;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The server's load as the dashboard shows it: process CPU (share of all cores), Java heap, resident
 * memory (heap + DJL's native tensors + code; read from /proc), students online and training jobs.
 */
public record ServerLoad(double cpu, long heapUsed, long heapMax, long residentBytes, int studentsOnline, int jobsRunning,
                         int jobsWaiting, boolean queueHeld) {

    static ServerLoad now(int studentsOnline, int jobsRunning, int jobsWaiting, boolean queueHeld) {
        double cpu = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuLoad()) : 0;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new ServerLoad(cpu, heap.getUsed(), heap.getMax(), readResident(), studentsOnline, jobsRunning, jobsWaiting, queueHeld);
    }

    /** VmRSS from /proc/self/status, or −1 where there is no /proc. */
    public static long readResident() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
