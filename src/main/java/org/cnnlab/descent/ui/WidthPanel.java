package org.cnnlab.descent.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleConsumer;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.JobControl;
import org.cnnlab.base.ui.LearningCurves;
import org.cnnlab.descent.DescentService;
import org.cnnlab.descent.FitSettings;
import org.cnnlab.descent.Mlp1D;
import org.cnnlab.descent.Target;
import org.cnnlab.descent.UpdateRule;

/**
 * Universal approximation, seen: the same target with 1, 2, 4, … 64 hidden units; the final loss falls with the width.
 * It holds no service: "run" fires a {@link SweepEvent}, whose listener starts the sweep and hands its job back with
 * {@link SweepEvent#start}; the panel's {@link JobControl} then shows its progress, lets it be cancelled, draws its
 * result and cancels it when the panel goes away.
 */
class WidthPanel extends VerticalLayout {
    static final List<Integer> WIDTHS = List.of(1, 2, 4, 8, 16, 32, 64);

    /** Sweep {@code base} over {@code widths}, {@code steps} steps each, telling {@code progress} the fraction done. */
    public static class SweepEvent extends ComponentEvent<WidthPanel> {
        private final FitSettings base;
        private final List<Integer> widths;
        private final int steps;
        private final DoubleConsumer progress;
        private CompletableFuture<DescentService.Sweep> job;

        SweepEvent(WidthPanel source, FitSettings base, List<Integer> widths, int steps, DoubleConsumer progress) {
            super(source, false);
            this.base = base;
            this.widths = widths;
            this.steps = steps;
            this.progress = progress;
        }

        public FitSettings base() {
            return base;
        }

        public List<Integer> widths() {
            return widths;
        }

        public int steps() {
            return steps;
        }

        /** Where the job tells its progress (a fraction); the panel applies it to the page. */
        public DoubleConsumer progress() {
            return progress;
        }

        /** The sweep the listener started; a listener that refuses throws an InvalidInputException instead. */
        public void start(CompletableFuture<DescentService.Sweep> sweep) {
            job = sweep;
        }
    }

    WidthPanel() {
        setPadding(false);
        Select<Target> target = new Select<>();
        target.setId("sweep-target");
        target.setLabel(getTranslation("descent.target"));
        target.setItems(Target.values());
        target.setItemLabelGenerator(t -> getTranslation("descent.target." + t.name().toLowerCase(Locale.ROOT)));
        target.setValue(Target.WAVE);
        IntegerField steps = Fields.integer("sweep-steps", getTranslation("descent.steps"), 1500, "7em");
        LearningCurves finals = new LearningCurves("sweep-chart");
        LearningCurves curves = new LearningCurves("sweep-curves");
        JobControl<DescentService.Sweep> job = new JobControl<>(this, "sweep", getTranslation("descent.sweep.run"),
                getTranslation("descent.sweep.run"), progress -> {
                    SweepEvent asked = new SweepEvent(this,
                            new FitSettings(target.getValue(), 60, 0, 1, 1, 1, Mlp1D.Activation.TANH, UpdateRule.Kind.ADAM, 0.02, 8, 0.9, 0),
                            WIDTHS, Fields.valueOr(steps, 0), progress);
                    fireEvent(asked);
                    return asked.job;   // null without a listener: nothing runs
                },
                sweep -> show(sweep, finals, curves));
        Paragraph why = new Paragraph(getTranslation("descent.sweep.why"));
        why.addClassName("help");
        HorizontalLayout form = new HorizontalLayout(target, steps, job.runButton(), job.cancelButton());
        form.setAlignItems(Alignment.BASELINE);
        HorizontalLayout charts = new HorizontalLayout(finals, curves);
        charts.setWidthFull();
        add(why, form, job.progressBar(), charts);
    }

    public Registration addSweepListener(ComponentEventListener<SweepEvent> listener) {
        return addListener(SweepEvent.class, listener);
    }

    private void show(DescentService.Sweep sweep, LearningCurves finals, LearningCurves curves) {
        List<double[]> byWidth = new ArrayList<>();
        List<LearningCurves.Series> series = new ArrayList<>();
        for (int i = 0; i < sweep.widths().size(); i++) {
            byWidth.add(new double[] {sweep.widths().get(i), sweep.finalLoss().get(i)});
            series.add(new LearningCurves.Series(getTranslation("descent.sweep.units", sweep.widths().get(i)),
                    LearningCurves.COLOURS.get(i % LearningCurves.COLOURS.size()), sweep.curves().get(i), LearningCurves.Style.LINE));
        }
        finals.show(getTranslation("descent.width"), getTranslation("descent.finalLoss"),
                List.of(new LearningCurves.Series(getTranslation("descent.finalLoss"), LearningCurves.COLOURS.getFirst(), byWidth, LearningCurves.Style.LINE)), true);
        curves.show(getTranslation("training.axis.step"), getTranslation("descent.lossProgress"), series, true);
    }
}
