package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.SerializableSupplier;
import java.util.function.Consumer;
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

    /**
     * Starts (or joins) the server's one training of the reference model with {@code start} (which takes
     * the progress listener and returns how to stop listening), shows its progress, and runs
     * {@code whenReady} once {@code ready} says it is trained.
     */
    void train(SerializableFunction<Consumer<TrainingProgress>, Runnable> start, SerializableSupplier<Boolean> ready, Runnable whenReady) {
        UI ui = UI.getCurrent();
        setVisible(true);
        unwatch.run();
        unwatch = start.apply(p -> ui.access(() -> {
            show(p);
            if (p.finished() && ready.get()) {
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
