package org.cnnlab.training.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.cnnlab.base.ui.ClassNames;
import org.cnnlab.base.ui.ConfusionMatrix;
import org.cnnlab.base.ui.ImageUrls;
import org.cnnlab.base.ui.LearningCurves;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.base.ui.ShareButton;
import org.cnnlab.models.EpochMetrics;
import org.cnnlab.training.TrainingProgress;

/** A run as it goes: progress with ETA or queue place, loss and accuracy curves, then the confusion matrix. */
class TrainingMonitor extends VerticalLayout {

    private final ProgressBar bar = new ProgressBar();
    private final Paragraph status = new Paragraph();
    private final LearningCurves loss = new LearningCurves("loss-curves");
    private final LearningCurves accuracy = new LearningCurves("accuracy-curves");
    private final ConfusionMatrix confusion = new ConfusionMatrix("confusion-matrix");
    private final Div mistakes = new Div();
    private final H4 mistakesTitle = new H4();
    private long mistakesOf = -1;
    private final ShareButton share;

    /** @param share "share with the class", enabled once a run finished well */
    TrainingMonitor(ShareButton share) {
        this.share = share;
        setPadding(false);
        bar.setId("train-progress");
        status.setId("train-status");
        confusion.setVisible(false);
        mistakes.setId("wrong-examples");
        mistakes.addClassName("dataset-grid");
        add(bar, status, loss, accuracy, confusion, share, mistakesTitle, mistakes);
        setVisible(false);
    }

    /** @param classes the run's class names in the matrix's order (empty: numbered) */
    void show(TrainingProgress p, List<String> classes) {
        setVisible(true);
        bar.setValue(p.fraction());
        bar.setIndeterminate(p.state() == TrainingProgress.State.QUEUED);
        getElement().setAttribute("data-state", p.state().name());
        status.setText(switch (p.state()) {
            case QUEUED -> getTranslation("training.status.queued", p.queuePosition());
            case RUNNING -> getTranslation("training.status.running", p.epoch(), p.epochs(),
                    p.secondsLeft() < 0 ? "…" : p.secondsLeft() + " s");
            case PAUSED -> getTranslation("training.status.paused", p.epoch(), p.epochs());
            case DONE -> getTranslation("training.status.done", getTranslation(p.onTestSet() ? "training.accuracy.test" : "training.accuracy.validation",
                    percent(p.heldOutAccuracy())));
            case CANCELLED -> getTranslation("training.status.cancelled");
            case DIVERGED, FAILED -> getTranslation(p.messageKey(), p.messageArgs() == null ? new Object[0] : p.messageArgs());
        });
        long perEpoch = p.epochs() == 0 ? 1 : Math.max(1, p.totalSteps() / p.epochs());
        List<double[]> batches = new ArrayList<>();
        for (int i = 0; i < p.batchLosses().size(); i++) batches.add(new double[] {i + 1, p.batchLosses().get(i)});
        List<double[]> trainLoss = new ArrayList<>();
        List<double[]> valLoss = new ArrayList<>();
        List<double[]> trainAcc = new ArrayList<>();
        List<double[]> valAcc = new ArrayList<>();
        for (EpochMetrics m : p.epochsDone()) {
            trainLoss.add(new double[] {m.epoch() * perEpoch, m.trainLoss()});
            valLoss.add(new double[] {m.epoch() * perEpoch, m.validationLoss()});
            trainAcc.add(new double[] {m.epoch(), m.trainAccuracy()});
            valAcc.add(new double[] {m.epoch(), m.validationAccuracy()});
        }
        List<String> c = LearningCurves.COLOURS;
        loss.show(getTranslation("training.axis.step"), getTranslation("training.axis.loss"), List.of(
                new LearningCurves.Series(getTranslation("training.series.batchLoss"), c.get(5), batches, false),
                new LearningCurves.Series(getTranslation("training.series.trainLoss"), c.get(0), trainLoss, false),
                new LearningCurves.Series(getTranslation("training.series.validationLoss"), c.get(1), valLoss, true)));
        accuracy.show(getTranslation("training.axis.epoch"), getTranslation("training.axis.accuracy"), List.of(
                new LearningCurves.Series(getTranslation("training.series.trainAccuracy"), c.get(0), trainAcc, false),
                new LearningCurves.Series(getTranslation("training.series.validationAccuracy"), c.get(1), valAcc, true)));
        confusion.setVisible(p.confusion() != null);
        if (p.confusion() != null) {
            int k = p.confusion().length;
            List<String> names = classes.size() == k ? classes.stream().map(name -> ClassNames.label(this, name)).toList()
                    : IntStream.range(0, k).mapToObj(String::valueOf).toList();
            confusion.show(getTranslation("training.confusion", heldOut(p)), names, p.confusion());
        }
        share.setEnabled(p.state() == TrainingProgress.State.DONE);
        showMistakes(p);
    }

    /** The validation images the final model gets wrong, the most confidently wrong first. */
    private void showMistakes(TrainingProgress p) {
        boolean show = p.state() == TrainingProgress.State.DONE;
        mistakesTitle.setVisible(show);
        mistakes.setVisible(show);
        if (!show || mistakesOf == p.jobId()) return;
        mistakesOf = p.jobId();
        mistakes.removeAll();
        mistakesTitle.setText(getTranslation(p.mistakes().isEmpty() ? "training.mistakes.none" : "training.mistakes", heldOut(p)));
        for (TrainingProgress.WrongExample m : p.mistakes()) {
            String text = getTranslation("training.mistake", ClassNames.label(this, m.trueClass()), ClassNames.label(this, m.predictedClass()),
                    percent(m.confidence()));
            Image img = new Image(ImageUrls.png(m.png()), text);
            img.addClassName("pixel-image");
            Div cell = new Div(img, new Span(text));
            cell.addClassName("dataset-cell");
            cell.addClassName("wrong-example");
            mistakes.add(cell);
        }
    }

    /** Which held-out images the final numbers are on, in words. */
    private String heldOut(TrainingProgress p) {
        return getTranslation(p.onTestSet() ? "training.heldOut.test" : "training.heldOut.validation");
    }

    private String percent(double fraction) {
        return Numbers.of(this).percent(fraction, 1);
    }
}
