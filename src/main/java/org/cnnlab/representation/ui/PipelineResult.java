package org.cnnlab.representation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.ConfusionMatrix;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.representation.ClassicPipeline;

/** One side of the comparison: test accuracy, confusion matrix and the most confident mistakes (its false positives). */
class PipelineResult extends Div {

    private final H4 title = new H4();
    private final Span accuracy = new Span();
    private final ConfusionMatrix confusion;
    private final Div mistakes = new Div();

    PipelineResult(String id) {
        setId(id);
        accuracy.setId(id + "-accuracy");
        confusion = new ConfusionMatrix(id + "-confusion");
        mistakes.addClassName("dataset-grid");
        add(title, new Div(accuracy), confusion, mistakes);
        setVisible(false);
    }

    void show(String name, ClassicPipeline.Result r, List<String> classes) {
        setVisible(true);
        title.setText(name);
        accuracy.setText(getTranslation("representation.classic.accuracy", Numbers.of(this).percent(r.testAccuracy(), 1)));
        confusion.show(getTranslation("representation.classic.confusion"), classes.stream().map(c -> ClassNames.label(this, c)).toList(), r.confusion());
        mistakes.removeAll();
        for (ClassicPipeline.Mistake m : r.mistakes()) {
            String text = getTranslation("representation.classic.mistake", ClassNames.label(this, m.trueClass()), ClassNames.label(this, m.predictedClass()));
            Image img = new Image(ImageUrls.png(m.png()), text);
            img.addClassName("pixel-image");
            Div cell = new Div(img, new Span(text));
            cell.addClassName("dataset-cell");
            mistakes.add(cell);
        }
    }
}
