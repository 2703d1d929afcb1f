package org.cnnlab.descent.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.ui.LearningCurves;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.descent.FitSnapshot;

/** "Fit at step N" (data dots and each run's curve) and "Loss function progress" side by side, with each run's status. */
class FitCharts extends VerticalLayout {

    private final LearningCurves fit = new LearningCurves("fit-chart");
    private final LearningCurves loss = new LearningCurves("loss-chart");
    private final Paragraph status = new Paragraph();
    private final FitSnapshot[] latest = new FitSnapshot[2];
    private final String[] labels = new String[2];
    private boolean logScale;

    FitCharts() {
        setPadding(false);
        status.setId("fit-status");
        HorizontalLayout charts = new HorizontalLayout(fit, loss);
        charts.setWidthFull();
        add(status, charts);
    }

    void clear() {
        latest[0] = latest[1] = null;
    }

    void label(int run, String label) {
        labels[run] = label;
    }

    void show(int run, FitSnapshot snapshot) {
        latest[run] = snapshot;
        draw();
    }

    void logScale(boolean on) {
        logScale = on;
        draw();
    }

    private void draw() {
        List<LearningCurves.Series> fitSeries = new ArrayList<>();
        List<LearningCurves.Series> lossSeries = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            FitSnapshot s = latest[i];
            if (s == null) continue;
            if (i == 0) {
                List<double[]> dots = new ArrayList<>();
                for (int k = 0; k < s.dataX().length; k++) dots.add(new double[] {s.dataX()[k], s.dataY()[k]});
                fitSeries.add(new LearningCurves.Series(getTranslation("descent.data"), "#666666", dots, LearningCurves.Style.DOTS));
            }
            String colour = LearningCurves.COLOURS.get(i);
            if (!s.diverged()) {
                List<double[]> curve = new ArrayList<>();
                for (int k = 0; k < s.gridX().length; k++) curve.add(new double[] {s.gridX()[k], s.curve()[k]});
                fitSeries.add(new LearningCurves.Series("ŷ · " + labels[i], colour, curve, LearningCurves.Style.LINE));
            }
            lossSeries.add(new LearningCurves.Series(labels[i], colour, s.lossHistory(), LearningCurves.Style.LINE));
            text.append(i == 0 ? "" : " · ").append(labels[i]).append(": ").append(s.diverged()
                    ? getTranslation("descent.diverged", s.divergedAt())
                    : getTranslation("descent.atStep", s.step(), Numbers.of(this).decimal(s.loss(), 5)));
            if (s.batchClamped()) text.append(" ").append(getTranslation("descent.batchClamped", s.dataX().length));
        }
        status.setText(text.toString());
        long step = latest[0] == null ? 0 : latest[0].step();
        fit.show("x", getTranslation("descent.fitAt", step), fitSeries);
        loss.show(getTranslation("training.axis.step"), getTranslation("descent.lossProgress"), lossSeries, logScale);
    }
}
