package org.cnnlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.training.TrainingLab;

/** A grid of example images with their labels, and how many images each class has. */
class DatasetPreview extends VerticalLayout {

    private final Div grid = new Div();
    private final Paragraph counts = new Paragraph();

    DatasetPreview() {
        setPadding(false);
        grid.setId("dataset-preview");
        grid.addClassName("dataset-grid");
        counts.setId("dataset-counts");
        add(grid, counts);
    }

    /** No images to show, and why. */
    void explain(String why) {
        grid.removeAll();
        counts.setText(why);
    }

    void show(TrainingLab.Preview p) {
        grid.removeAll();
        for (int i = 0; i < p.thumbnails().size(); i++) {
            String label = ClassNames.label(this, p.classes().get(p.thumbnailClasses().get(i)));
            Image img = new Image(ImageUrls.png(p.thumbnails().get(i)), label);
            img.addClassName("pixel-image");
            Div cell = new Div(img, new Span(label));
            cell.addClassName("dataset-cell");
            grid.add(cell);
        }
        StringBuilder text = new StringBuilder(getTranslation("training.shape", p.shape().toString()));
        for (int c = 0; c < p.classes().size(); c++) {
            text.append(c == 0 ? " · " : ", ").append(ClassNames.label(this, p.classes().get(c))).append(": ").append(p.counts()[c]);
        }
        counts.setText(text.toString());
    }
}
