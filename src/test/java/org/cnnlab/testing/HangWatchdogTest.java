package org.cnnlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HangWatchdogTest {

    @Test
    void a_hang_report_names_the_test_and_where_a_stuck_thread_waits_and_dumps_a_child_jvm() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        Thread stuck = new Thread(() -> stuckHere(blocked, release), "stuck-worker");
        stuck.start();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()).start();
        try {
            blocked.await();
            while (stuck.getState() != Thread.State.WAITING) Thread.onSpinWait();   // it is in release.await()
            String line = new String(child.getInputStream().readNBytes(6));   // "ready\n": the child's main runs
            assertThat(line).isEqualTo("ready\n");
            String report = HangWatchdog.report("the stuck test", Instant.now(), List.of(child.toHandle()));
            assertThat(report).contains("=== HANG: the stuck test").contains("\"stuck-worker\" WAITING")
                    .contains("HangWatchdogTest.stuckHere")
                    .contains("--- child process " + child.pid()).contains("Sleeper.main");
        } finally {
            release.countDown();
            child.destroyForcibly();
        }
    }

    private static void stuckHere(CountDownLatch blocked, CountDownLatch release) {
        blocked.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A child JVM that waits, as a hung server would. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("ready");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}
