package org.cnnlab.descent.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.descent.DescentService;
import org.cnnlab.descent.FitSettings;
import org.cnnlab.descent.LossSurface;
import org.cnnlab.descent.Mlp1D;
import org.cnnlab.descent.Target;
import org.cnnlab.descent.Trajectory;
import org.cnnlab.descent.UpdateRule;

/**
 * A loss of two parameters as a heat map; click to start there and watch one or two optimisers descend. It holds no
 * service: a change asks for a new picture with a {@link DrawEvent} (answered with {@link #show}), and a click on the
 * picture asks where it is with a {@link PointEvent} (answered with {@link #startAt}).
 */
class SurfacePanel extends VerticalLayout {
    static final int SHOWN = 420;

    /** Draw {@code surface} with each optimiser's path from (w₁, w₂), {@code steps} steps each. */
    public static class DrawEvent extends ComponentEvent<SurfacePanel> {
        private final LossSurface surface;
        private final double w1;
        private final double w2;
        private final List<FitSettings> optimisers;
        private final List<String> names;
        private final int steps;

        DrawEvent(SurfacePanel source, LossSurface surface, double w1, double w2, List<FitSettings> optimisers, List<String> names, int steps) {
            super(source, false);
            this.surface = surface;
            this.w1 = w1;
            this.w2 = w2;
            this.optimisers = List.copyOf(optimisers);
            this.names = List.copyOf(names);
            this.steps = steps;
        }

        public LossSurface surface() {
            return surface;
        }

        public double w1() {
            return w1;
        }

        public double w2() {
            return w2;
        }

        /** The optimisers as the fields have them (not checked yet). */
        public List<FitSettings> optimisers() {
            return optimisers;
        }

        /** The optimisers' labels, to be handed back with this drawing's result. */
        public List<String> names() {
            return names;
        }

        public int steps() {
            return steps;
        }
    }

    /** A click at ({@code x}, {@code y}) pixels on {@code surface}'s picture, {@code shownSize} pixels wide. */
    public static class PointEvent extends ComponentEvent<SurfacePanel> {
        private final LossSurface surface;
        private final double x;
        private final double y;
        private final double shownSize;

        PointEvent(SurfacePanel source, LossSurface surface, double x, double y, double shownSize) {
            super(source, false);
            this.surface = surface;
            this.x = x;
            this.y = y;
            this.shownSize = shownSize;
        }

        public LossSurface surface() {
            return surface;
        }

        public double x() {
            return x;
        }

        public double y() {
            return y;
        }

        public double shownSize() {
            return shownSize;
        }
    }

    private final Select<LossSurface> surface = new Select<>();
    private final OptimiserFields first = new OptimiserFields("surface-a", "descent.optimizer", UpdateRule.Kind.GD, 0.01, false);
    private final OptimiserFields second = new OptimiserFields("surface-b", "descent.compareWith", UpdateRule.Kind.MOMENTUM, 0.01, true);
    private final NumberField momentum = Fields.number("surface-momentum", "", 0.9, "9em");
    private final NumberField sigma = Fields.number("surface-sigma", "", 0.08, "9em");
    private final IntegerField steps = Fields.integer("surface-steps", "", 500, "7em");
    private final Image picture = new Image();
    private final Paragraph status = new Paragraph();
    private double w1;
    private double w2;

    SurfacePanel() {
        setPadding(false);
        surface.setId("surface-select");
        surface.setLabel(getTranslation("descent.surface"));
        surface.setItems(LossSurface.values());
        surface.setItemLabelGenerator(s -> getTranslation("descent.surface." + s.name().toLowerCase(Locale.ROOT)));
        surface.setValue(LossSurface.DOUBLE_WELL);
        surface.addValueChangeListener(e -> {
            w1 = e.getValue().startW1;
            w2 = e.getValue().startW2;
            draw();
        });
        momentum.setLabel(getTranslation("training.momentum"));
        sigma.setLabel(getTranslation("descent.sigma"));
        steps.setLabel(getTranslation("descent.steps"));
        for (var field : List.of(first.kind, second.kind)) field.addValueChangeListener(e -> draw());
        for (var field : List.of(first.learningRate, second.learningRate, momentum, sigma)) field.addValueChangeListener(e -> draw());
        steps.addValueChangeListener(e -> draw());
        picture.setId("surface-picture");
        picture.setWidth(SHOWN + "px");
        picture.setHeight(SHOWN + "px");
        picture.addClassName("pixel-image");
        picture.getElement().addEventListener("click", e -> fireEvent(new PointEvent(this, surface.getValue(),
                e.getEventData().get("event.offsetX").asDouble(), e.getEventData().get("event.offsetY").asDouble(), SHOWN)))
                .addEventData("event.offsetX").addEventData("event.offsetY");
        status.setId("surface-status");
        Paragraph help = new Paragraph(getTranslation("descent.surface.help"));
        help.addClassName("help");
        HorizontalLayout form = new HorizontalLayout(surface, first, second, momentum, sigma, steps);
        form.setWrap(true);
        form.setAlignItems(Alignment.BASELINE);
        add(help, form, new Div(picture), status);
        w1 = LossSurface.DOUBLE_WELL.startW1;
        w2 = LossSurface.DOUBLE_WELL.startW2;
    }

    public Registration addDrawListener(ComponentEventListener<DrawEvent> listener) {
        return addListener(DrawEvent.class, listener);
    }

    public Registration addPointListener(ComponentEventListener<PointEvent> listener) {
        return addListener(PointEvent.class, listener);
    }

    /** Starts the paths at (w[0], w[1]), the parameters under the click, and draws again. */
    void startAt(double[] w) {
        w1 = w[0];
        w2 = w[1];
        draw();
    }

    private FitSettings optimiser(OptimiserFields o) {
        return new FitSettings(Target.SINE, 40, 0, 1, 1, 1, Mlp1D.Activation.TANH, o.kind.getValue(), Fields.valueOr(o.learningRate, -1), 8,
                Fields.valueOr(momentum, -1), Fields.valueOr(sigma, -1));
    }

    /** Asks for the picture as the fields have it (the view does once, for the first page). */
    void draw() {
        List<FitSettings> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (OptimiserFields o : List.of(first, second)) {
            if (o.kind.getValue() == null) continue;
            runs.add(optimiser(o));
            names.add(o.label());
        }
        fireEvent(new DrawEvent(this, surface.getValue(), w1, w2, runs, names, Fields.valueOr(steps, 0)));
    }

    /** A drawing's result, with the names its {@link DrawEvent} carried. */
    void show(DescentService.SurfaceResult r, List<String> names) {
        picture.setSrc(ImageUrls.png(r.png()));
        picture.setAlt(getTranslation("descent.surface." + r.surface().name().toLowerCase(Locale.ROOT)));
        StringBuilder text = new StringBuilder(getTranslation("descent.surface.start", fmt(w1), fmt(w2)));
        for (int i = 0; i < r.trajectories().size(); i++) {
            Trajectory t = r.trajectories().get(i);
            double[] end = t.last();
            text.append(" · ").append(names.get(i)).append(" (").append(getTranslation("descent.colour." + i)).append("): ")
                    .append(t.divergedAt() >= 0 ? getTranslation("descent.diverged", t.divergedAt())
                            : getTranslation("descent.surface.end", fmt(end[0]), fmt(end[1]), fmt(end[2])));
        }
        status.setText(text.toString());
    }

    private String fmt(double v) {
        return Numbers.of(this).decimal(v, 3);
    }
}
