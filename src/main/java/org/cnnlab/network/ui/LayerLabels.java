package org.cnnlab.network.ui;

import com.vaadin.flow.component.Component;
import org.cnnlab.network.LayerReport;
import org.cnnlab.network.LayerSpec;

/** How a layer and its problems read on the page, in the student's language. */
final class LayerLabels {
    private LayerLabels() {
    }

    static String describe(Component c, LayerSpec layer) {
        String name = c.getTranslation("layer." + LayerSpec.type(layer));
        String detail = switch (layer) {
            case LayerSpec.Conv2d v -> c.getTranslation("layer.conv2d.detail", v.filters(), v.kernel(), v.stride(), v.padding(), v.dilation());
            case LayerSpec.MaxPool p -> c.getTranslation("layer.pool.detail", p.kernel(), p.stride());
            case LayerSpec.AvgPool p -> c.getTranslation("layer.pool.detail", p.kernel(), p.stride());
            case LayerSpec.Dropout d -> c.getTranslation("layer.dropout.detail", d.rate());
            case LayerSpec.Dense d -> c.getTranslation("layer.dense.detail", d.units());
            default -> "";
        };
        return detail.isEmpty() ? name : name + " · " + detail;
    }

    static String problem(Component c, LayerReport report) {
        return c.getTranslation(report.errorKey(), report.errorArgs() == null ? new Object[0] : report.errorArgs());
    }
}
