package org.cnnlab.training.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ui.LearningCurves;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.training.TrainingProgress;

/** The student's finished runs side by side, and their accuracy as the test images are shifted. */
class ComparePanel extends VerticalLayout {

    private final Grid<TrainingProgress> runs = new Grid<>();
    private final LearningCurves shift = new LearningCurves("shift-curves");

    ComparePanel() {
        setPadding(false);
        setId("compare-runs");
        runs.setId("runs-table");
        runs.setAllRowsVisible(true);
        runs.addColumn(p -> name(p)).setHeader(getTranslation("training.compare.network"));
        runs.addColumn(p -> Numbers.of(this).integer(p.parameters())).setHeader(getTranslation("builder.col.trainable"));
        runs.addColumn(p -> Numbers.of(this).seconds(p.seconds())).setHeader(getTranslation("training.compare.time"));
        runs.addColumn(p -> getTranslation(p.onTestSet() ? "training.accuracy.test" : "training.accuracy.validation",
                Numbers.of(this).percent(p.heldOutAccuracy(), 1))).setHeader(getTranslation("training.compare.accuracy"));
        Paragraph why = new Paragraph(getTranslation("training.compare.why"));
        why.addClassName("help");
        add(new H3(getTranslation("training.compare")), runs, shift, why);
        setVisible(false);
    }

    void show(List<TrainingProgress> finished) {
        setVisible(!finished.isEmpty());
        runs.setItems(finished);
        List<LearningCurves.Series> series = new ArrayList<>();
        for (int i = 0; i < finished.size(); i++) {
            TrainingProgress p = finished.get(i);
            List<double[]> points = new ArrayList<>();
            for (int s = 0; s < p.accuracyByShift().size(); s++) points.add(new double[] {s, p.accuracyByShift().get(s)});
            series.add(new LearningCurves.Series(name(p), LearningCurves.COLOURS.get(i % LearningCurves.COLOURS.size()), points, false));
        }
        boolean onTest = !finished.isEmpty() && finished.stream().allMatch(TrainingProgress::onTestSet);
        shift.show(getTranslation("training.axis.shift", getTranslation(onTest ? "training.heldOut.test" : "training.heldOut.validation")), getTranslation("training.axis.accuracy"), series);
    }

    private String name(TrainingProgress p) {
        return "#" + p.jobId() + " · " + getTranslation("training.network." + p.name().toLowerCase(Locale.ROOT));
    }
}
