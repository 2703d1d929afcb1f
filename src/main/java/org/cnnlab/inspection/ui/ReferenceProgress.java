package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.cnnlab.inspection.InspectionLab;
import org.cnnlab.training.TrainingProgress;

/** The reference model's one-time training: what is happening, and how far it is. */
class ReferenceProgress extends VerticalLayout {

    private final ProgressBar bar = new ProgressBar();
    private final Paragraph text = new Paragraph();

    ReferenceProgress() {
        setPadding(false);
        setId("inspect-reference-progress");
        bar.setIndeterminate(true);
        text.setText(getTranslation("inspect.referenceTraining", 0));
        add(text, bar);
        setVisible(false);
    }

    private Runnable unwatch = () -> { };

    /** Starts (or joins) the server's one training of the reference model, shows its progress, and runs {@code whenReady} after it. */
    void train(InspectionLab lab, Runnable whenReady) {
        UI ui = UI.getCurrent();
        setVisible(true);
        unwatch.run();
        unwatch = lab.trainReference(p -> ui.access(() -> {
            show(p);
            if (p.finished() && lab.referenceReady()) {
                setVisible(false);
                whenReady.run();
            }
        }));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unwatch.run();
    }

    void show(TrainingProgress p) {
        bar.setIndeterminate(p.state() == TrainingProgress.State.QUEUED);
        bar.setValue(p.fraction());
        text.setText(p.state() == TrainingProgress.State.QUEUED ? getTranslation("training.status.queued", p.queuePosition())
                : getTranslation("inspect.referenceTraining", Math.round(100 * p.fraction())));
    }
}
