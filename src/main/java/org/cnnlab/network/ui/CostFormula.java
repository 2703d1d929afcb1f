package org.cnnlab.network.ui;

import org.cnnlab.base.ui.Numbers;
import org.cnnlab.network.LayerReport;
import org.cnnlab.network.LayerSpec;

/**
 * A layer's parameter count written out with its numbers, e.g. "(3·3·3 + 1)·8 = 224", for
 * explanations; every number in the student's language (Numbers), so 2.712.913 in Spanish.
 */
public final class CostFormula {
    private CostFormula() {
    }

    /** The formula, or null for layers without parameters. */
    public static String of(Numbers n, LayerReport r) {
        if (r.failed()) {
            return null;
        }
        return switch (r.layer()) {
            case LayerSpec.Conv2d c -> "(" + n.integer(c.kernel()) + "·" + n.integer(c.kernel()) + "·" + n.integer(r.input().channels()) + " + 1)·"
                    + n.integer(c.filters()) + " = " + n.integer(r.trainable());
            case LayerSpec.Dense d -> "(" + n.integer(r.input().dims()[0]) + " + 1)·" + n.integer(d.units()) + " = " + n.integer(r.trainable());
            case LayerSpec.BatchNorm b -> "2·" + n.integer(r.weights()) + " = " + n.integer(r.trainable());
            default -> null;
        };
    }
}
