package org.cnnlab.bench;

import java.util.Arrays;
import java.util.Locale;

/** Timings of one scenario in milliseconds, summarised as nearest-rank percentiles. */
record Stats(String name, double[] millis) {

    double percentile(double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String line(Stats reference) {
        String ratio = reference == null ? "" : String.format(Locale.ROOT, "   p50 ×%.2f of %s", percentile(50) / reference.percentile(50), reference.name());
        return String.format(Locale.ROOT, "%-58s n=%4d  p50 %8.2f ms  p95 %8.2f ms%s", name, millis.length, percentile(50), percentile(95), ratio);
    }

    interface Body {
        void run(int iteration) throws Exception;
    }

    static Stats measure(String name, int warmup, int runs, Body body) throws Exception {
        for (int n = 0; n < warmup; n++) {
            body.run(n);
        }
        double[] millis = new double[runs];
        for (int n = 0; n < runs; n++) {
            long t0 = System.nanoTime();
            body.run(warmup + n);
            millis[n] = (System.nanoTime() - t0) / 1e6;
        }
        return new Stats(name, millis);
    }
}
