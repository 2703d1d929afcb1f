package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.cnnlab.base.DjlRuntime;
import org.junit.jupiter.api.Test;

/** The DJL code the builder shows compiles, runs, and builds a model with the counts we show. */
class DjlCodeIT {

    @Test
    void the_generated_djl_code_compiles_and_builds_what_we_count() throws Exception {
        List<NetworkSpec> specs = new ArrayList<>(List.of(NetworkPresets.LECTURE_QUIZ.spec(), NetworkPresets.LENET5.spec(),
                NetworkPresets.TINY_VGG.spec()));
        specs.addAll(RandomSpecs.valid(11L, 20));
        StringBuilder source = new StringBuilder("""
                import ai.djl.ndarray.types.Shape;
                import ai.djl.nn.Activation;
                import ai.djl.nn.Blocks;
                import ai.djl.nn.SequentialBlock;
                import ai.djl.nn.convolutional.Conv2d;
                import ai.djl.nn.core.Linear;
                import ai.djl.nn.norm.BatchNorm;
                import ai.djl.nn.norm.Dropout;
                import ai.djl.nn.pooling.Pool;

                public class GeneratedModels {
                """);
        for (int i = 0; i < specs.size(); i++) {
            source.append("    public static SequentialBlock model").append(i).append("() {\n")
                    .append(DjlCode.of(specs.get(i)).indent(8))
                    .append("        return model;\n    }\n");
        }
        source.append("}\n");

        Path dir = Files.createTempDirectory("cnnlab-djl-code");
        Path file = dir.resolve("GeneratedModels.java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        boolean compiled = javac.getTask(errors, null, null,
                List.of("-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), "-proc:none"), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(file)).call();
        assertThat(compiled).as("javac:\n%s\n%s", errors, source).isTrue();

        ShapeInference inference = new ShapeInference(NetworkLimits.defaults());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
             DjlRuntime djl = new DjlRuntime()) {
            Class<?> models = loader.loadClass("GeneratedModels");
            for (int i = 0; i < specs.size(); i++) {
                NetworkSpec spec = specs.get(i);
                SequentialBlock block = (SequentialBlock) models.getMethod("model" + i).invoke(null);
                if (block.getChildren().isEmpty()) {
                    continue; // an empty design: nothing to build, the code says so
                }
                TensorShape in = spec.input();
                try (NDManager scope = djl.newScope()) {
                    block.initialize(scope, DataType.FLOAT32, new Shape(1, in.channels(), in.height(), in.width()));
                    long trainable = 0;
                    for (Pair<String, Parameter> p : block.getParameters()) {
                        if (p.getValue().requiresGradient()) trainable += p.getValue().getArray().size();
                    }
                    assertThat(trainable).as("model %d: %s", i, spec).isEqualTo(inference.analyse(spec).trainable());
                }
            }
        }
    }
}
