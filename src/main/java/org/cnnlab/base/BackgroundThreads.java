package org.cnnlab.base;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

/**
 * The threads of the class's queued jobs (training, width sweeps, saliency maps, the shortcut
 * experiment) run at the lowest CPU priority, Linux's {@code nice} 19, so that a student's click on a
 * request thread gets a core at once even while the queue trains on both. The scheduler gives a
 * nice-19 thread a weight of 15 against 1,024 for a normal one (the kernel's {@code sched_prio_to_weight});
 * the jobs still get every cycle nobody else wants, so they are no slower on an idle server.
 * PyTorch's OpenMP workers are created by the thread that first runs a parallel operation and inherit
 * its priority, so a job's intra-op threads are low too, and the request threads' own stay normal.
 * <p>
 * One call of {@code setpriority(PRIO_PROCESS, gettid(), 19)} as each thread starts (on Linux that
 * names the one thread). Off with {@code -Dcnnlab.background-nice=0} (the hostile harness's
 * reference run); a no-op where libc has no {@code gettid} (not Linux).
 */
public final class BackgroundThreads {
    private static final int PRIO_PROCESS = 0;
    private static final Optional<MethodHandle[]> CALLS = lookup();

    private BackgroundThreads() {
    }

    /** Daemon threads called {@code name}, each lowered to the configured niceness when it starts. */
    public static ThreadFactory named(String name) {
        return work -> {
            Thread t = new Thread(() -> {
                lowerThisThread();
                work.run();
            }, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Lowers the calling thread to the configured niceness (19 unless {@code cnnlab.background-nice} says otherwise). */
    public static void lowerThisThread() {
        int nice = Integer.getInteger("cnnlab.background-nice", 19);
        if (CALLS.isEmpty() || nice == 0) return;
        try {
            int tid = (int) CALLS.get()[0].invokeExact();
            int ignored = (int) CALLS.get()[1].invokeExact(PRIO_PROCESS, tid, nice);   // fails only when raising priority without permission
        } catch (Throwable e) {
            // stays at its priority
        }
    }

    /** @return the calling thread's niceness, or empty where it cannot be read */
    public static Optional<Integer> niceOfThisThread() {
        if (CALLS.isEmpty()) return Optional.empty();
        try {
            return Optional.of(niceness((int) CALLS.get()[0].invokeExact()));
        } catch (Throwable e) {
            return Optional.empty();
        }
    }

    /** The niceness Linux reports for thread {@code tid} of this process ({@code /proc/self/task/<tid>/stat}, field 19). */
    static int niceness(int tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(afterName[16]);   // field 19 of stat; field 3 is afterName[0]
    }

    private static Optional<MethodHandle[]> lookup() {
        try {
            Linker linker = Linker.nativeLinker();
            var libc = linker.defaultLookup();
            var gettid = libc.find("gettid");
            var setpriority = libc.find("setpriority");
            if (gettid.isEmpty() || setpriority.isEmpty()) return Optional.empty();
            return Optional.of(new MethodHandle[] {
                    linker.downcallHandle(gettid.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT)),
                    linker.downcallHandle(setpriority.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT))});
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
