package org.cnnlab.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * The one entry of the {@code bench} Maven execution: {@code Bench Training} runs
 * {@link TrainingBenchmark}, {@code Bench Hostile} runs {@link HostileHarness}, and so on, with the rest
 * of the arguments passed on (see pom.xml's bench profile and docs/benchmarks.md).
 */
public final class Bench {
    static final List<Class<?>> ALL = List.of(ConvolutionBenchmark.class, DescentBenchmark.class, InspectionBenchmark.class,
            TrainingBenchmark.class, HostileHarness.class, ClassLoadHarness.class, NodesLoadHarness.class);

    private Bench() {
    }

    public static void main(String[] args) throws Throwable {
        String name = args.length == 0 ? "" : args[0];
        Class<?> chosen = ALL.stream().filter(c -> c.getSimpleName().equals(name + "Benchmark") || c.getSimpleName().equals(name + "Harness"))
                .findFirst().orElse(null);
        if (chosen == null) {
            System.err.println("-Dbench=" + name + " is none of: "
                    + ALL.stream().map(c -> c.getSimpleName().replaceAll("(Benchmark|Harness)$", "")).toList());
            System.exit(2);
        }
        Method main = chosen.getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
