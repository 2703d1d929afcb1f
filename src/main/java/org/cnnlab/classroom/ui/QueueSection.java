package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.Component;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.QueueAdmin;

/**
 * The dashboard's server-wide part, wired to {@link QueueAdmin}: the training queue with the server's
 * load, and the training limits. Not a component: {@link DashboardView} owns it, places its two
 * panels and says when to refresh (on class events and on the dashboard clock).
 */
final class QueueSection {
    private final Component owner;
    private final QueueAdmin admin;
    private final QueuePanel queue = new QueuePanel();
    private final LimitsPanel limits;

    /** {@code owner}: the view, whose language a refusal is told in. */
    QueueSection(Component owner, QueueAdmin admin) {
        this.owner = owner;
        this.admin = admin;
        limits = new LimitsPanel(admin.trainingLimits());
        queue.addCancelListener(e -> act(() -> admin.cancelJob(e.job().jobId())));
        queue.addCancelAllListener(e -> act(admin::cancelAllJobs));
        queue.addHoldListener(e -> act(() -> admin.holdQueue(!admin.load().queueHeld())));
        limits.addApplyListener(e -> Messages.attempt(owner, () -> limits.show(
                admin.setTrainingLimits(e.jobsPerStudent(), e.epochs(), e.samples(), e.parameters(), e.wallSeconds()))));
    }

    QueuePanel queue() {
        return queue;
    }

    LimitsPanel limits() {
        return limits;
    }

    void refresh() {
        queue.show(admin.queue(), admin.load());
    }

    private void act(Runnable action) {
        Messages.attempt(owner, () -> {
            action.run();
            refresh();
        });
    }
}
