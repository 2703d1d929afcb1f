package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.shared.Registration;

/** Java twin of {@code frontend/draw-canvas.ts}: draw an input with mouse, pen or touch. */
@Tag("draw-canvas")
@JsModule("./draw-canvas.ts")
public class DrawCanvas extends Component {

    /** A finished stroke (or a clear): the whole drawing as a PNG data URL. */
    @DomEvent("drawing-changed")
    public static class DrawingChangedEvent extends ComponentEvent<DrawCanvas> {
        private final String pngDataUrl;

        public DrawingChangedEvent(DrawCanvas source, boolean fromClient, @EventData("event.detail.png") String png) {
            super(source, fromClient);
            this.pngDataUrl = png;
        }

        public String pngDataUrl() {
            return pngDataUrl;
        }
    }

    /** The drawing while a stroke is still going on (see {@link #setLive}). */
    @DomEvent("drawing-live")
    public static class DrawingLiveEvent extends DrawingChangedEvent {
        public DrawingLiveEvent(DrawCanvas source, boolean fromClient, @EventData("event.detail.png") String png) {
            super(source, fromClient, png);
        }
    }

    public DrawCanvas() {
        setId("draw-canvas");
        getElement().setProperty("clearLabel", getTranslation("draw.clear"));
        getElement().setProperty("label", getTranslation("draw.label"));
        getElement().setProperty("brushLabel", getTranslation("draw.brush"));
    }

    /** Wipes the pad (the element then reports the blank drawing). */
    public void clear() {
        getElement().callJsFunction("clear");
    }

    /** Also report the drawing during a stroke, at most once every {@code millis} ms (0: only when a stroke ends). */
    public void setLive(int millis) {
        getElement().setProperty("live", millis);
    }

    public Registration addDrawingLiveListener(ComponentEventListener<DrawingLiveEvent> listener) {
        return addListener(DrawingLiveEvent.class, listener);
    }

    public Registration addDrawingChangedListener(ComponentEventListener<DrawingChangedEvent> listener) {
        return addListener(DrawingChangedEvent.class, listener);
    }
}
