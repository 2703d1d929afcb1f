package org.cnnlab.descent.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.descent.FitSettings;
import org.cnnlab.descent.FitSnapshot;
import org.cnnlab.descent.Mlp1D;
import org.cnnlab.descent.Target;
import org.cnnlab.descent.UpdateRule;

/**
 * "Fit at step N" and "Loss function progress", live, for one optimiser or two on the same seed. It holds no service
 * and no run: it asks for new runs with a {@link RestartEvent} (when it is attached, and on "reset"), sends play,
 * pause, one step and the speed as events, and draws the snapshots it is given with {@link #show}. Whoever starts the
 * runs stops them: on the next restart, and when this panel is detached (a tab switched, the page left).
 */
class FitPanel extends VerticalLayout {

    /** New runs wanted, one per optimiser (already checked, labelled in the charts), at {@code speed} steps a frame. */
    public static class RestartEvent extends ComponentEvent<FitPanel> {
        private final List<FitSettings> runs;
        private final int speed;

        RestartEvent(FitPanel source, List<FitSettings> runs, int speed) {
            super(source, false);
            this.runs = List.copyOf(runs);
            this.speed = speed;
        }

        /** The runs' settings; a snapshot of run i goes to {@code show(i, …)}. */
        public List<FitSettings> runs() {
            return runs;
        }

        public int speed() {
            return speed;
        }
    }

    /** What the play, pause and step buttons ask of every run. */
    public enum Control { PLAY, PAUSE, STEP }

    /** A button of the runs' controls was pressed. */
    public static class ControlEvent extends ComponentEvent<FitPanel> {
        private final Control control;

        ControlEvent(FitPanel source, Control control) {
            super(source, false);
            this.control = control;
        }

        public Control control() {
            return control;
        }
    }

    /** The runs' speed changed to {@code speed} steps a frame. */
    public static class SpeedEvent extends ComponentEvent<FitPanel> {
        private final int speed;

        SpeedEvent(FitPanel source, int speed) {
            super(source, false);
            this.speed = speed;
        }

        public int speed() {
            return speed;
        }
    }

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
    private final MlpDiagram diagram = new MlpDiagram();

    FitPanel() {
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
        speed.addValueChangeListener(e -> fireEvent(new SpeedEvent(this, Fields.valueOr(speed, 5))));

        Button play = button("fit-play", "descent.play", () -> fireEvent(new ControlEvent(this, Control.PLAY)));
        Button pause = button("fit-pause", "descent.pause", () -> fireEvent(new ControlEvent(this, Control.PAUSE)));
        Button step = button("fit-step", "descent.step", () -> fireEvent(new ControlEvent(this, Control.STEP)));
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

    public Registration addRestartListener(ComponentEventListener<RestartEvent> listener) {
        return addListener(RestartEvent.class, listener);
    }

    public Registration addControlListener(ComponentEventListener<ControlEvent> listener) {
        return addListener(ControlEvent.class, listener);
    }

    public Registration addSpeedListener(ComponentEventListener<SpeedEvent> listener) {
        return addListener(SpeedEvent.class, listener);
    }

    /** Run {@code run}'s latest snapshot (0 the first optimiser, 1 the one compared with). */
    void show(int run, FitSnapshot snapshot) {
        charts.show(run, snapshot);
    }

    /** New runs from the fields (both checked first, so a refusal leaves the old runs as they were). */
    private void restart() {
        List<FitSettings> wanted = new ArrayList<>();
        wanted.add(settings(first).checked());
        if (second.kind.getValue() != null) wanted.add(settings(second).checked());
        charts.clear();
        diagram.show(wanted.getFirst().width(), wanted.getFirst().depth(), wanted.getFirst().activation().name().toLowerCase(Locale.ROOT));
        for (int i = 0; i < wanted.size(); i++) charts.label(i, (i == 0 ? first : second).label());
        fireEvent(new RestartEvent(this, wanted, Fields.valueOr(speed, 5)));
    }

    /** Shown again (the page opened, or its tab chosen): fresh runs; the detach that came before stopped the old ones. */
    @Override
    protected void onAttach(AttachEvent event) {
        restart();
    }
}
