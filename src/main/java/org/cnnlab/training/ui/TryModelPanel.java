package org.cnnlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.function.SerializableFunction;
import java.util.List;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.ProbabilityBars;
import org.cnnlab.training.StudentModels;

/** Draw something and see the class probabilities the trained model gives it. */
class TryModelPanel extends Div {

    private final ProbabilityBars guesses = new ProbabilityBars("prediction");
    private final Span which = new Span();
    private final SerializableFunction<byte[], List<StudentModels.Guess>> predict;
    private byte[] drawing;

    TryModelPanel(SerializableFunction<byte[], List<StudentModels.Guess>> predict) {
        this.predict = predict;
        setId("try-model");
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

    private void show(List<StudentModels.Guess> list) {
        guesses.show(list.stream().map(g -> new ProbabilityBars.Bar(ClassNames.label(this, g.className()), g.probability())).toList());
    }
}
