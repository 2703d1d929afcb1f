package org.cnnlab.representation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.inspection.Inspection;
import org.cnnlab.representation.ClassicPipeline;

/** The CNN's learned first-layer filters next to the hand-made Sobel f1, its transpose and the Laplacian f2. */
class KernelComparison extends Div {

    private final Div hand = new Div();
    private final Div learned = new Div();

    KernelComparison() {
        setId("classic-kernels");
        hand.addClassName("dataset-grid");
        learned.addClassName("dataset-grid");
        learned.setId("classic-learned");
        add(new H4(getTranslation("representation.classic.kernels.hand")), hand, new H4(getTranslation("representation.classic.kernels.learned")), learned);
        setVisible(false);
    }

    void show(ClassicPipeline.Comparison c) {
        setVisible(true);
        hand.removeAll();
        for (ClassicPipeline.HandKernel k : c.handKernels()) {
            hand.add(cell(k.png(), getTranslation("preset." + k.preset().name().toLowerCase(Locale.ROOT))));
        }
        learned.removeAll();
        for (Inspection.Filter f : c.learned()) learned.add(cell(f.png(), getTranslation("inspect.filter", f.index() + 1)));
    }

    private static Div cell(byte[] png, String caption) {
        Image img = new Image(ImageUrls.png(png), caption);
        img.addClassName("pixel-image");
        img.addClassName("kernel-picture");
        Div d = new Div(img, new Span(caption));
        d.addClassName("dataset-cell");
        return d;
    }
}
