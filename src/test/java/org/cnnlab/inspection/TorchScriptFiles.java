package org.cnnlab.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

/** Runs {@code src/test/resources/torchscript/make_models.py} in Debian's python3-torch (CNNLAB_PYTHON overrides) to write the test's TorchScript files. */
public final class TorchScriptFiles {

    private TorchScriptFiles() {
    }

    /** Writes regions.pt, plain.pt, nan-weights.pt, … and regions.expected.json into {@code dir}. */
    public static Path make(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path script = dir.resolve("make_models.py");
        try (var in = TorchScriptFiles.class.getResourceAsStream("/torchscript/make_models.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Process python = new ProcessBuilder(System.getenv().getOrDefault("CNNLAB_PYTHON", "/usr/bin/python3"), script.toString(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(python.exitValue()).as("python3 with torch (apt-get install python3-torch):\n%s", output).isZero();
        return dir;
    }
}
