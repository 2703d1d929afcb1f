package org.cnnlab.network;

import java.util.Locale;

/** A layer's parameter count written out with its numbers, e.g. "(3·3·3 + 1)·8 = 224", for explanations. */
public final class CostFormula {
    private CostFormula() {
    }

    /** The formula, or null for layers without parameters. */
    public static String of(LayerReport r) {
        if (r.failed()) {
            return null;
        }
        return switch (r.layer()) {
            case LayerSpec.Conv2d c -> String.format(Locale.ROOT, "(%d·%d·%d + 1)·%d = %s", c.kernel(), c.kernel(),
                    r.input().channels(), c.filters(), group(r.trainable()));
            case LayerSpec.Dense d -> String.format(Locale.ROOT, "(%s + 1)·%d = %s", group(r.input().dims()[0]), d.units(),
                    group(r.trainable()));
            case LayerSpec.BatchNorm b -> String.format(Locale.ROOT, "2·%d = %s", r.weights(), group(r.trainable()));
            default -> null;
        };
    }

    /** 2712913 → "2,712,913": thousands grouped the way the lecture prints them. */
    public static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
