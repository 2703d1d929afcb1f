package org.cnnlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableFunction;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.training.TrainingLab;

/** Draw something and see the class probabilities the trained model gives it. */
class TryModelPanel extends Div {

    private final Div guesses = new Div();
    private final Span which = new Span();
    private final SerializableFunction<byte[], List<TrainingLab.Guess>> predict;
    private byte[] drawing;

    TryModelPanel(SerializableFunction<byte[], List<TrainingLab.Guess>> predict) {
        this.predict = predict;
        setId("try-model");
        guesses.setId("prediction");
        DrawCanvas canvas = new DrawCanvas();
        canvas.addDrawingChangedListener(e -> {
            drawing = ImageUrls.decodeDataUrl(e.pngDataUrl());
            classify();
        });
        which.setId("try-model-which");
        which.addClassName("help");
        add(new H3(getTranslation("training.try")), which, new HorizontalLayout(canvas, guesses));
        setVisible(false);
    }

    /** Says which model the drawing goes to, and asks it about the drawing already there. */
    void trying(String description) {
        which.setText(description);
        guesses.removeAll();
        setVisible(true);
        classify();
    }

    private void classify() {
        if (drawing == null) return;
        try {
            show(predict.apply(drawing));
        } catch (InvalidInputException ex) {
            Messages.error(this, ex);
        }
    }

    private void show(List<TrainingLab.Guess> list) {
        guesses.removeAll();
        for (TrainingLab.Guess g : list) {
            Div fill = new Div();
            fill.addClassName("share-fill");
            fill.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", g.probability() * 100));
            Div bar = new Div(fill);
            bar.addClassName("share-bar");
            Span label = new Span(getTranslation("training.guess", ClassNames.label(this, g.className()),
                    String.format(Locale.ROOT, "%.1f %%", g.probability() * 100)));
            Div row = new Div(label, bar);
            row.addClassName("guess");
            guesses.add(row);
        }
    }
}
