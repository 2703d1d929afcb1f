package org.cnnlab.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;

/** Class probabilities as labelled bars, most likely first (the caller orders them). */
public class ProbabilityBars extends Div {

    /** One bar: its label (already translated) and its probability. */
    public record Bar(String label, double probability) {
    }

    public ProbabilityBars(String id) {
        setId(id);
    }

    public void show(List<Bar> bars) {
        removeAll();
        for (Bar b : bars) {
            Div fill = new Div();
            fill.addClassName("share-fill");
            fill.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", b.probability() * 100));
            Div bar = new Div(fill);
            bar.addClassName("share-bar");
            Span label = new Span(getTranslation("training.guess", b.label(), Numbers.of(this).percent(b.probability(), 1)));
            Div row = new Div(label, bar);
            row.addClassName("guess");
            add(row);
        }
    }
}
