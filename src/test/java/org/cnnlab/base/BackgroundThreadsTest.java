package org.cnnlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class BackgroundThreadsTest {

    @Test
    void a_job_thread_runs_at_niceness_19_and_the_thread_that_made_it_keeps_its_own() throws Exception {
        Optional<Integer> before = BackgroundThreads.niceOfThisThread();
        var pool = Executors.newSingleThreadExecutor(BackgroundThreads.named("test-job"));
        try {
            String[] seen = CompletableFuture.supplyAsync(() -> new String[] {Thread.currentThread().getName(),
                    String.valueOf(BackgroundThreads.niceOfThisThread().orElseThrow()), String.valueOf(Thread.currentThread().isDaemon())}, pool).get();
            assertThat(seen).containsExactly("test-job", "19", "true");
        } finally {
            pool.shutdownNow();
        }
        assertThat(BackgroundThreads.niceOfThisThread()).isEqualTo(before).hasValueSatisfying(n -> assertThat(n).isLessThan(19));
    }
}
