package org.cnnlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The claim in {@link BackgroundThreads}: PyTorch's intra-op workers made for a job thread run at its low priority. */
class BackgroundThreadsIT {

    @Test
    void the_pytorch_threads_a_job_starts_inherit_its_niceness() throws Exception {
        try (DjlRuntime djl = new DjlRuntime()) {
            List<Integer> before = threadsAtNice19();
            var pool = Executors.newSingleThreadExecutor(BackgroundThreads.named("test-job"));
            try {
                CompletableFuture.runAsync(() -> {
                    try (NDManager scope = djl.newScope()) {
                        NDArray a = scope.randomUniform(0, 1, new Shape(1024, 1024));
                        for (int i = 0; i < 5; i++) a = a.matMul(a).div(1024);   // large enough for PyTorch to go parallel
                        a.sum().getFloat();
                    }
                }, pool).get();
                List<Integer> after = threadsAtNice19();
                after.removeAll(before);
                // the job thread itself and at least one OpenMP worker (these machines have two cores)
                assertThat(after).as("threads at nice 19 that the job brought").hasSizeGreaterThanOrEqualTo(2);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<Integer> threadsAtNice19() throws IOException {
        List<Integer> tids = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                int tid = Integer.parseInt(task.getFileName().toString());
                try {
                    if (BackgroundThreads.niceness(tid) == 19) tids.add(tid);
                } catch (IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        return tids;
    }
}
