package org.cnnlab.representation.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.representation.ClassicPipeline;
import org.cnnlab.representation.features.HandFeature;
import org.cnnlab.training.TrainingProgress;

/**
 * Pick hand-made features and a data set; train a classifier on them and a CNN on the pixels, side by side. It holds
 * no service: it is given the data sets to offer, "run" fires a {@link RunEvent}, and whoever runs the comparison tells
 * the panel {@link #started}, its {@link #progress} and {@link #finished} (or {@link #refused}).
 */
class ClassicPipelinePanel extends Div {

    /** Compare on {@code dataset} with {@code perClass} images a class, the classifier seeing {@code features}. */
    public static class RunEvent extends ComponentEvent<ClassicPipelinePanel> {
        private final String dataset;
        private final int perClass;
        private final List<HandFeature> features;

        RunEvent(ClassicPipelinePanel source, String dataset, int perClass, List<HandFeature> features) {
            super(source, false);
            this.dataset = dataset;
            this.perClass = perClass;
            this.features = List.copyOf(features);
        }

        public String dataset() {
            return dataset;
        }

        public int perClass() {
            return perClass;
        }

        /** The chosen features, in {@link HandFeature#ALL}'s order. */
        public List<HandFeature> features() {
            return features;
        }
    }

    private final Select<String> dataset = new Select<>();
    private final IntegerField perClass = Fields.integer("classic-per-class", "", ClassicPipeline.DEFAULT_PER_CLASS, "8em");
    private final CheckboxGroup<HandFeature> features = new CheckboxGroup<>();
    private final ProgressBar progress = new ProgressBar();
    private final PipelineResult handMade = new PipelineResult("classic-hand");
    private final PipelineResult cnn = new PipelineResult("classic-cnn");
    private final KernelComparison kernels = new KernelComparison();
    private final Paragraph reading = new Paragraph();

    /** @param datasets the data sets to offer, {@code selected} first chosen */
    ClassicPipelinePanel(List<String> datasets, String selected) {
        dataset.setId("classic-dataset");
        dataset.setLabel(getTranslation("training.dataset"));
        dataset.setItems(datasets);
        dataset.setItemLabelGenerator(id -> getTranslation("dataset." + id));
        dataset.setValue(selected);
        perClass.setLabel(getTranslation("training.perClass"));
        features.setId("classic-features");
        features.setLabel(getTranslation("representation.hand"));
        features.setItems(HandFeature.ALL);
        features.setItemLabelGenerator(f -> getTranslation("representation.hand." + f.id()));
        features.setValue(Set.copyOf(HandFeature.ALL));
        Button run = new Button(getTranslation("representation.classic.run"), e -> run());
        run.setId("classic-run");
        run.addThemeVariants(ButtonVariant.PRIMARY);
        progress.setId("classic-progress");
        progress.setVisible(false);
        reading.setId("classic-reading");
        reading.setVisible(false);
        HorizontalLayout form = new HorizontalLayout(dataset, perClass);
        form.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        HorizontalLayout results = new HorizontalLayout(handMade, cnn);
        results.setWrap(true);
        add(new Paragraph(getTranslation("representation.classic.help")), form, features, run, progress, reading, results, kernels);
    }

    public Registration addRunListener(ComponentEventListener<RunEvent> listener) {
        return addListener(RunEvent.class, listener);
    }

    private void run() {
        List<HandFeature> chosen = HandFeature.ALL.stream().filter(features.getValue()::contains).toList();
        fireEvent(new RunEvent(this, dataset.getValue(), Fields.valueOr(perClass, 0), chosen));
    }

    /** The comparison is asked for: the last reading goes, the bar starts. */
    void started() {
        reading.setVisible(false);
        progress.setVisible(true);
        progress.setValue(0);
    }

    /** Both trainings' progress; the bar shows their mean. */
    void progress(List<TrainingProgress> runs) {
        progress.setValue(runs.stream().mapToDouble(TrainingProgress::fraction).average().orElse(0));
    }

    /** The comparison ended: both sides, the kernels and one sentence on who won, or why it failed. */
    void finished(ClassicPipeline.Comparison c, Throwable failure) {
        progress.setVisible(false);
        if (c != null) {
            handMade.show(getTranslation("representation.classic.hand"), c.handMade(), c.classes());
            cnn.show(getTranslation("representation.classic.cnn"), c.cnn(), c.classes());
            kernels.show(c);
            reading.setText(getTranslation("representation.classic.reading." + c.winner().name().toLowerCase(Locale.ROOT),
                    Numbers.of(this).upTo(Math.abs(c.cnnLeadPoints()), 1)));
            reading.setVisible(true);
        }
        if (failure != null) Messages.failure(this, failure);
    }

    /** The comparison was refused before it started. */
    void refused(InvalidInputException e) {
        progress.setVisible(false);
        Messages.error(this, e);
    }
}
