package org.cnnlab.representation.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.representation.RepresentationLab;

/** A fit's accuracy and its two planes: the input plane and, where there is one, the plane the classifier works in. */
class PlanePictures extends Div {

    private final Span accuracy = new Span();
    private final Image first = new Image();
    private final Image second = new Image();
    private final Div secondCell;

    PlanePictures(String id, String firstKey, String secondKey) {
        setId(id);
        addClassName("plane-pictures");
        accuracy.setId(id + "-accuracy");
        first.setId(id + "-input");
        second.setId(id + "-second");
        Div firstCell = new Div(first, new Span(getTranslation(firstKey)));
        firstCell.addClassName("plane-cell");
        secondCell = new Div(second, new Span(getTranslation(secondKey)));
        secondCell.addClassName("plane-cell");
        secondCell.setVisible(false);
        Div cells = new Div(firstCell, secondCell);
        cells.addClassName("plane-cells");
        add(new Div(accuracy), cells);
        setVisible(false);
    }

    void show(RepresentationLab.Fit f) {
        setVisible(true);
        accuracy.setText(getTranslation("representation.accuracy", Numbers.of(this).percent(f.trainAccuracy(), 1),
                Numbers.of(this).percent(f.testAccuracy(), 1), f.points()));
        first.setSrc(ImageUrls.png(f.inputPlane()));
        byte[] other = f.mlp() ? f.hiddenPlane() : f.featurePlane();
        secondCell.setVisible(other != null);
        if (other != null) second.setSrc(ImageUrls.png(other));
    }
}
