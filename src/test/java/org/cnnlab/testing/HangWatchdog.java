package org.cnnlab.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The suite never hangs. A test still running after {@code cnnlab.test.max-minutes} (default 10; the
 * slowest test takes about three) prints where every thread of this JVM is, and where every thread of
 * each JVM it started is (the hostile harness's server, via {@code jcmd Thread.print}), kills the
 * processes it started (servers, Chromium, Playwright's driver) and ends this JVM. Maven then fails
 * in minutes, with the stuck test named and its stacks in the log, instead of running into CI's
 * 90-minute limit with no clue. Registered for surefire and failsafe through
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class HangWatchdog implements TestExecutionListener {
    private final Duration limit = Duration.ofMinutes(Long.getLong("cnnlab.test.max-minutes", 10));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hang-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>();

    @Override
    public void executionStarted(TestIdentifier test) {
        if (!test.isTest()) return;
        Instant from = Instant.now();
        running.put(test.getUniqueId(), timer.schedule(() -> hung(test, from), limit.toMillis(), TimeUnit.MILLISECONDS));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        ScheduledFuture<?> alarm = running.remove(test.getUniqueId());
        if (alarm != null) alarm.cancel(false);
    }

    private void hung(TestIdentifier test, Instant from) {
        List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
        String out = report(test.getDisplayName() + " (" + test.getUniqueId() + ")", from, children);
        try {
            Path file = Path.of("target", "hang-" + from.toEpochMilli() + ".txt");
            Files.writeString(file, out, StandardCharsets.UTF_8);
            out = "hang report also in " + file.toAbsolutePath() + out;
        } catch (IOException e) {
            // the console has it
        }
        System.out.print(out);   // Maven's console shows a test's stdout
        System.out.flush();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            Thread.sleep(3_000);   // the test runner sends what was printed to Maven on its own thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(97);
    }

    /** What a hang prints: every thread's stack here, then each child process, with the threads of those that are JVMs. */
    static String report(String test, Instant from, List<ProcessHandle> children) {
        StringBuilder out = new StringBuilder();
        out.append("\n=== HANG: ").append(test).append(" still running since ").append(from).append(" ===\n");
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : stack) out.append("    at ").append(frame).append('\n');
        });
        for (ProcessHandle child : children) {
            String command = child.info().command().orElse("?");
            out.append("--- child process ").append(child.pid()).append(' ').append(command).append('\n');
            if (command.endsWith("/java")) out.append(threadDump(child.pid()));
        }
        return out.toString();
    }

    private static String threadDump(long pid) {
        try {
            Path dump = Files.createTempFile("thread-dump-" + pid, ".txt");   // a file, not a pipe: a long dump cannot block jcmd
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) jcmd.destroyForcibly();
            return Files.readString(dump, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(jcmd: " + e.getMessage() + ")\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)\n";
        }
    }
}
