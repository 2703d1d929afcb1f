package org.cnnlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.cnnlab.bench.HostileHarness;
import org.junit.jupiter.api.Test;

/**
 * The short version of the hostile-student harness ({@link HostileHarness}, the class-server issue's
 * proof): the production jar in its own JVM with a 2 GB heap, a well-behaved student editing a kernel
 * every second, and the attacks that take seconds, each refused with its message or absorbed; the
 * server never goes down and a model saved before the attacks is still listed after them. The
 * bystander's latencies are printed, not asserted (speed targets live in benchmarks).
 */
class HostileStudentsIT {

    @Test
    void every_quick_attack_is_refused_or_absorbed_and_nothing_saved_is_lost() throws Exception {
        Path jar = Path.of("target/cnnlab.jar");
        assertThat(jar).as("the production jar (mvn -Pproduction verify packages it before the integration tests)").exists();
        HostileHarness.Result r = new HostileHarness(true).run(jar);
        Map<String, HostileHarness.Verdict> verdicts = r.outcomes().stream()
                .collect(Collectors.toMap(HostileHarness.Outcome::attack, HostileHarness.Outcome::verdict, (a, b) -> a, LinkedHashMap::new));
        assertThat(r.crashed()).as("%s", r.outcomes()).isFalse();
        assertThat(r.outcomes()).as("no harness errors").noneMatch(o -> o.what().startsWith("harness error"));
        assertThat(verdicts).as("%s", r.outcomes()).containsEntry("activation bomb at batch 1024", HostileHarness.Verdict.REFUSED)
                .containsEntry("upload bomb (.cnnlab 1024² input)", HostileHarness.Verdict.REFUSED)
                .containsEntry("login POST without CSRF token", HostileHarness.Verdict.REFUSED)
                .containsEntry("12 wrong instructor passwords", HostileHarness.Verdict.REFUSED)
                .containsEntry("30 wrong join codes, spoofed XFF", HostileHarness.Verdict.REFUSED)
                .containsEntry("image declaring 60000×60000", HostileHarness.Verdict.REFUSED)
                .containsEntry("JPEG that is a text file", HostileHarness.Verdict.REFUSED)
                .containsEntry("NaN kernel weight", HostileHarness.Verdict.REFUSED);
        assertThat(r.savedKept()).as("the model saved before the attacks is still listed").isTrue();
    }
}
