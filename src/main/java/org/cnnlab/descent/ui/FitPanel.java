package org.cnnlab.descent.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.LearningCurves;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.descent.DescentService;
import org.cnnlab.descent.FitSettings;
import org.cnnlab.descent.FitSnapshot;
import org.cnnlab.descent.Mlp1D;
import org.cnnlab.descent.Target;
import org.cnnlab.descent.UpdateRule;

/** "Fit at step N" and "Loss function progress", live, for one optimiser or two on the same seed. */
class FitPanel extends VerticalLayout {

    private final DescentService service;
    private final StudentId student;
    private final Select<Target> target = new Select<>();
    private final IntegerField points = Fields.integer("fit-points", "N", 40, "9em");
    private final NumberField noise = Fields.number("fit-noise", "", 0.1, "9em");
    private final IntegerField seed = Fields.integer("fit-seed", "", 1, "9em");
    private final IntegerField width = Fields.integer("fit-width", "", 16, "9em");
    private final IntegerField depth = Fields.integer("fit-depth", "", 1, "9em");
    private final Select<Mlp1D.Activation> activation = new Select<>();
    private final OptimiserFields first = new OptimiserFields("fit-a", "descent.optimizer", UpdateRule.Kind.ADAM, 0.01, false);
    private final OptimiserFields second = new OptimiserFields("fit-b", "descent.compareWith", null, 0.05, true);
    private final IntegerField batch = Fields.integer("fit-batch", "", 8, "9em");
    private final NumberField momentum = Fields.number("fit-momentum", "", 0.9, "9em");
    private final NumberField sigma = Fields.number("fit-sigma", "", 0.01, "9em");
    private final IntegerField speed = Fields.integer("fit-speed", "", 5, "9em");
    private final Checkbox logScale = new Checkbox();
    private final FitCharts charts = new FitCharts();
    private final List<DescentService.FitSession> sessions = new ArrayList<>();
    private final MlpDiagram diagram = new MlpDiagram();

    FitPanel(DescentService service, StudentId student) {
        this.service = service;
        this.student = student;
        setPadding(false);
        target.setId("fit-target");
        target.setLabel(getTranslation("descent.target"));
        target.setItems(Target.values());
        target.setItemLabelGenerator(t -> getTranslation("descent.target." + t.name().toLowerCase(Locale.ROOT)));
        target.setValue(Target.SINE);
        activation.setId("fit-activation");
        activation.setLabel(getTranslation("descent.activation"));
        activation.setItems(Mlp1D.Activation.values());
        activation.setItemLabelGenerator(a -> a.name().toLowerCase(Locale.ROOT));
        activation.setValue(Mlp1D.Activation.TANH);
        points.setLabel(getTranslation("descent.points"));
        noise.setLabel(getTranslation("descent.noise"));
        seed.setLabel(getTranslation("training.seed"));
        width.setLabel(getTranslation("descent.width"));
        depth.setLabel(getTranslation("descent.depth"));
        batch.setLabel(getTranslation("descent.batch"));
        momentum.setLabel(getTranslation("training.momentum"));
        sigma.setLabel(getTranslation("descent.sigma"));
        speed.setLabel(getTranslation("descent.speed"));
        logScale.setLabel(getTranslation("descent.log"));
        logScale.setId("fit-log");
        logScale.addValueChangeListener(e -> charts.logScale(e.getValue()));
        speed.addValueChangeListener(e -> sessions.forEach(s -> s.speed(Fields.valueOr(speed, 5))));

        Button play = button("fit-play", "descent.play", () -> sessions.forEach(DescentService.FitSession::play));
        Button pause = button("fit-pause", "descent.pause", () -> sessions.forEach(DescentService.FitSession::pause));
        Button step = button("fit-step", "descent.step", () -> sessions.forEach(DescentService.FitSession::stepOnce));
        Button reset = button("fit-reset", "descent.reset", this::restart);
        HorizontalLayout data = row(target, points, noise, seed);
        HorizontalLayout model = row(width, depth, activation);
        HorizontalLayout optimisers = row(first, second, batch, momentum, sigma);
        HorizontalLayout controls = row(play, pause, step, reset, speed, logScale);
        Paragraph formulas = new Paragraph(getTranslation("descent.fit.formulas"));
        formulas.addClassName("formula");
        add(formulas, data, model, diagram, optimisers, controls, charts);
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private Button button(String id, String key, Runnable action) {
        Button b = new Button(getTranslation(key), e -> {
            try {
                action.run();
            } catch (InvalidInputException ex) {
                Messages.error(this, ex);
            }
        });
        b.setId(id);
        return b;
    }

    private FitSettings settings(OptimiserFields o) {
        return new FitSettings(target.getValue(), Fields.valueOr(points, 0), Fields.valueOr(noise, -1), Fields.valueOr(seed, 0),
                Fields.valueOr(width, 0), Fields.valueOr(depth, 0), activation.getValue(), o.kind.getValue(),
                Fields.valueOr(o.learningRate, -1), Fields.valueOr(batch, 0), Fields.valueOr(momentum, -1), Fields.valueOr(sigma, -1));
    }

    /** New runs from the fields (both checked first, so a refusal leaves the old runs as they were). */
    private void restart() {
        List<FitSettings> wanted = new ArrayList<>();
        wanted.add(settings(first).checked());
        if (second.kind.getValue() != null) wanted.add(settings(second).checked());
        sessions.forEach(DescentService.FitSession::stop);
        sessions.clear();
        charts.clear();
        diagram.show(wanted.getFirst().width(), wanted.getFirst().depth(), wanted.getFirst().activation().name().toLowerCase(Locale.ROOT));
        UI ui = UI.getCurrent();
        for (int i = 0; i < wanted.size(); i++) {
            int which = i;
            charts.label(i, (i == 0 ? first : second).label());
            DescentService.FitSession s = service.fit(student, wanted.get(i), snapshot -> ui.access(() -> charts.show(which, snapshot)));
            s.speed(Fields.valueOr(speed, 5));
            sessions.add(s);
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        restart();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        sessions.forEach(DescentService.FitSession::stop);
        sessions.clear();
    }
}
