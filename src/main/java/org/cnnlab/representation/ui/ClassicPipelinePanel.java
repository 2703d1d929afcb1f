package org.cnnlab.representation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.representation.ClassicPipeline;
import org.cnnlab.representation.features.HandFeature;
import org.cnnlab.training.TrainingProgress;

/** Pick hand-made features and a data set; train a classifier on them and a CNN on the pixels, side by side. */
class ClassicPipelinePanel extends Div {

    private final ClassicPipeline pipeline;
    private final StudentId student;
    private final Select<String> dataset = new Select<>();
    private final IntegerField perClass = Fields.integer("classic-per-class", "", ClassicPipeline.DEFAULT_PER_CLASS, "8em");
    private final CheckboxGroup<HandFeature> features = new CheckboxGroup<>();
    private final ProgressBar progress = new ProgressBar();
    private final PipelineResult handMade = new PipelineResult("classic-hand");
    private final PipelineResult cnn = new PipelineResult("classic-cnn");
    private final KernelComparison kernels = new KernelComparison();
    private final Paragraph reading = new Paragraph();

    ClassicPipelinePanel(ClassicPipeline pipeline, StudentId student) {
        this.pipeline = pipeline;
        this.student = student;
        dataset.setId("classic-dataset");
        dataset.setLabel(getTranslation("training.dataset"));
        dataset.setItems(pipeline.datasets());
        dataset.setItemLabelGenerator(id -> getTranslation("dataset." + id));
        dataset.setValue(pipeline.defaultDataset());
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

    private void run() {
        UI ui = UI.getCurrent();
        List<HandFeature> chosen = HandFeature.ALL.stream().filter(features.getValue()::contains).toList();
        try {
            reading.setVisible(false);
            progress.setVisible(true);
            progress.setValue(0);
            pipeline.compare(student, dataset.getValue(), Fields.valueOr(perClass, 0), chosen, 1,
                    runs -> ui.access(() -> progress.setValue(runs.stream().mapToDouble(TrainingProgress::fraction).average().orElse(0))))
                    .whenComplete((c, e) -> ui.access(() -> {
                        progress.setVisible(false);
                        if (c != null) {
                            handMade.show(getTranslation("representation.classic.hand"), c.handMade(), c.classes());
                            cnn.show(getTranslation("representation.classic.cnn"), c.cnn(), c.classes());
                            kernels.show(c);
                            reading.setText(getTranslation("representation.classic.reading." + c.winner().name().toLowerCase(Locale.ROOT),
                                    Numbers.of(this).upTo(Math.abs(c.cnnLeadPoints()), 1)));
                            reading.setVisible(true);
                        }
                        if (e != null) Messages.failure(this, e);
                    }));
        } catch (InvalidInputException e) {
            progress.setVisible(false);
            Messages.error(this, e);
        }
    }
}
