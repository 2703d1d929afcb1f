package org.cnnlab.training.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.ProbabilityBars;
import org.cnnlab.training.StudentModels;

/**
 * Draw something and see the class probabilities the trained model gives it. It holds no service: it
 * fires a {@link ClassifyEvent} with the drawing, and shows the guesses it is given back.
 */
class TryModelPanel extends Div {

    /** Classify {@code png} (the student's drawing) with the model being tried. */
    static class ClassifyEvent extends ComponentEvent<TryModelPanel> {
        final byte[] png;

        ClassifyEvent(TryModelPanel source, byte[] png) {
            super(source, false);
            this.png = png;
        }
    }

    private final ProbabilityBars guesses = new ProbabilityBars("prediction");
    private final Span which = new Span();
    private byte[] drawing;

    TryModelPanel() {
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

    Registration addClassifyListener(ComponentEventListener<ClassifyEvent> listener) {
        return addListener(ClassifyEvent.class, listener);
    }

    private void classify() {
        if (drawing != null) fireEvent(new ClassifyEvent(this, drawing));
    }

    /** The model's class probabilities for the drawing. */
    void show(List<StudentModels.Guess> list) {
        guesses.show(list.stream().map(g -> new ProbabilityBars.Bar(ClassNames.label(this, g.className()), g.probability())).toList());
    }
}
