package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.UI;
import java.io.Serializable;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.inspection.InspectionLab;
import org.cnnlab.inspection.ShortcutLab;
import org.cnnlab.training.TrainingProgress;

/**
 * The husky-or-wolf lab's wiring on the inspection page: {@link ShortcutPanel}'s train buttons to
 * {@link InspectionLab}'s shortcut runs — queue, follow by push, then evaluate. Not a component (the panel
 * holds no service); {@link InspectionView} places the panel and owns this.
 */
final class ShortcutSection implements Serializable {
    final ShortcutPanel panel;
    private final InspectionLab lab;
    private final StudentId student;
    private final Runnable onModel;
    private Runnable unwatch = () -> { };

    /** @param onModel called when a run's model is there to open (the page lists its models again) */
    ShortcutSection(InspectionLab lab, StudentId student, Runnable onModel) {
        this.lab = lab;
        this.student = student;
        this.onModel = onModel;
        panel = new ShortcutPanel(lab.shortcutExamples(4), ShortcutLab.METHODS);
        panel.addTrainListener(e -> Messages.attempt(panel, () -> train(e.variant)));
    }

    private void train(ShortcutLab.Variant variant) {
        UI ui = UI.getCurrent();
        long job = lab.trainShortcut(student, variant).jobId();
        panel.started();
        unwatch.run();
        unwatch = lab.watch(job, p -> ui.access(() -> {
            panel.progress(variant, p);
            if (p.finished() && p.state() == TrainingProgress.State.DONE) {
                onModel.run();
                lab.evaluateShortcut(student, p.jobId(), variant).whenComplete((result, error) -> ui.access(() -> panel.evaluated(variant, result)));
            }
        }));
    }
}
