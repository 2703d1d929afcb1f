package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.ImageUrls;

/**
 * What the inspection page looks at: the student's drawing (live while the pen moves) or a held-out
 * example, and beside it the picture the model was given. It holds no service: it fires a
 * {@link DrawingEvent} for each picture and an {@link ExampleEvent} for "another example".
 */
class DrawingInput extends HorizontalLayout {
    private static final int LIVE_MS = 200;

    /** The drawing as a PNG, at the end of a stroke or (throttled) while it is drawn. */
    static class DrawingEvent extends ComponentEvent<DrawingInput> {
        final byte[] png;

        DrawingEvent(DrawingInput source, byte[] png) {
            super(source, false);
            this.png = png;
        }
    }

    /** The student asked for a held-out example of the model's data. */
    static class ExampleEvent extends ComponentEvent<DrawingInput> {
        ExampleEvent(DrawingInput source) {
            super(source, false);
        }
    }

    private final Image input = new Image();
    private long nextLive;

    DrawingInput() {
        DrawCanvas canvas = new DrawCanvas();
        canvas.setId("inspect-canvas");
        canvas.addDrawingChangedListener(e -> fireEvent(new DrawingEvent(this, ImageUrls.decodeDataUrl(e.pngDataUrl()))));
        canvas.setLive(LIVE_MS);   // maps follow the pen, less often for a model that takes long (the stroke's end always counts)
        canvas.addDrawingLiveListener(e -> {
            if (System.nanoTime() < nextLive) return;
            long start = System.nanoTime();
            fireEvent(new DrawingEvent(this, ImageUrls.decodeDataUrl(e.pngDataUrl())));
            nextLive = System.nanoTime() + 2 * (System.nanoTime() - start);   // at most half the time spent on live maps
        });
        Button example = new Button(getTranslation("inspect.example"), e -> fireEvent(new ExampleEvent(this)));
        example.setId("inspect-example");
        input.setId("inspect-input");
        input.addClassName("pixel-image");
        input.setWidth("112px");
        input.setHeight("112px");
        add(canvas, new VerticalLayout(example, input));
    }

    Registration addDrawingListener(ComponentEventListener<DrawingEvent> listener) {
        return addListener(DrawingEvent.class, listener);
    }

    Registration addExampleListener(ComponentEventListener<ExampleEvent> listener) {
        return addListener(ExampleEvent.class, listener);
    }

    /** The picture as the model saw it (resized, in its colours), a PNG. */
    void modelInput(byte[] png) {
        input.setSrc(ImageUrls.png(png));
    }
}
