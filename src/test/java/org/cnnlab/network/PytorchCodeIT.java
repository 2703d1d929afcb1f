package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generated PyTorch code runs, in Debian's python3-torch (installed by .ci/run), and PyTorch
 * counts the same trainable parameters and buffers and produces the same output shape as we do.
 */
class PytorchCodeIT {

    private static final ShapeInference INFERENCE = new ShapeInference(NetworkLimits.defaults());

    private static final String CHECK = """

            model.eval()
            trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
            buffers = sum(b.numel() for name, b in model.named_buffers() if not name.endswith('num_batches_tracked'))
            with torch.no_grad():
                out = model(torch.zeros(1, %d, %d, %d))
            print(trainable, buffers, ' '.join(str(d) for d in out.shape[1:]))
            """;

    @Test
    void the_generated_code_runs_and_pytorch_counts_what_we_count() throws Exception {
        List<NetworkSpec> specs = new ArrayList<>();
        for (NetworkPresets preset : NetworkPresets.values()) specs.add(preset.spec());
        specs.addAll(RandomSpecs.valid(7L, 12));
        StringBuilder script = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (NetworkSpec spec : specs) {
            NetworkAnalysis ours = INFERENCE.analyse(spec);
            TensorShape in = spec.input();
            script.append(PytorchCode.of(ours))
                    .append(String.format(CHECK, in.channels(), in.height(), in.width()))
                    .append("del model\n\n");
            StringBuilder shape = new StringBuilder();
            for (int d : ours.output().dims()) shape.append(shape.isEmpty() ? "" : " ").append(d);
            expected.add(ours.trainable() + " " + ours.buffers() + " " + shape);
        }
        Path file = Files.createTempFile("cnnlab-pytorch", ".py");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Process python = new ProcessBuilder(System.getenv().getOrDefault("CNNLAB_PYTHON", "/usr/bin/python3"), file.toString()).redirectErrorStream(true).start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(python.exitValue()).as("python3 with torch (apt-get install python3-torch):\n%s", output).isZero();
        assertThat(output.strip().lines().toList()).containsExactlyElementsOf(expected);
        Files.deleteIfExists(file);
    }
}
