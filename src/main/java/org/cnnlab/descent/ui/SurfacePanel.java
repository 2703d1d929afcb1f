package org.cnnlab.descent.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.descent.DescentService;
import org.cnnlab.descent.FitSettings;
import org.cnnlab.descent.LossSurface;
import org.cnnlab.descent.Mlp1D;
import org.cnnlab.descent.Target;
import org.cnnlab.descent.Trajectory;
import org.cnnlab.descent.UpdateRule;

/** A loss of two parameters as a heat map; click to start there and watch one or two optimisers descend. */
class SurfacePanel extends VerticalLayout {
    private static final int SHOWN = 420;

    private final DescentService service;
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

    SurfacePanel(DescentService service) {
        this.service = service;
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
        picture.getElement().addEventListener("click", e -> {
            double[] w = service.pointAt(surface.getValue(), e.getEventData().get("event.offsetX").asDouble(),
                    e.getEventData().get("event.offsetY").asDouble(), SHOWN);
            w1 = w[0];
            w2 = w[1];
            draw();
        }).addEventData("event.offsetX").addEventData("event.offsetY");
        status.setId("surface-status");
        Paragraph help = new Paragraph(getTranslation("descent.surface.help"));
        help.addClassName("help");
        HorizontalLayout form = new HorizontalLayout(surface, first, second, momentum, sigma, steps);
        form.setWrap(true);
        form.setAlignItems(Alignment.BASELINE);
        add(help, form, new Div(picture), status);
        w1 = LossSurface.DOUBLE_WELL.startW1;
        w2 = LossSurface.DOUBLE_WELL.startW2;
        draw();
    }

    private FitSettings optimiser(OptimiserFields o) {
        return new FitSettings(Target.SINE, 40, 0, 1, 1, 1, Mlp1D.Activation.TANH, o.kind.getValue(), Fields.valueOr(o.learningRate, -1), 8,
                Fields.valueOr(momentum, -1), Fields.valueOr(sigma, -1));
    }

    private void draw() {
        List<FitSettings> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (OptimiserFields o : List.of(first, second)) {
            if (o.kind.getValue() == null) continue;
            runs.add(optimiser(o));
            names.add(o.label());
        }
        UI ui = UI.getCurrent();
        try {
            service.surface(surface.getValue(), w1, w2, runs, Fields.valueOr(steps, 0)).thenAccept(r -> ui.access(() -> show(r, names)));
        } catch (InvalidInputException e) {
            Messages.error(this, e);
        }
    }

    private void show(DescentService.SurfaceResult r, List<String> names) {
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
