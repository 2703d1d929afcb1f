package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;
import java.util.Locale;
import org.cnnlab.base.ui.FriendlyNames;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.classroom.QueueAdmin;
import org.cnnlab.classroom.ServerLoad;

/** The class's training queue (who, what, position, time; cancel one or all, hold) and the server's load. */
class QueuePanel extends Div {
    private static final double MB = 1024 * 1024;
    private final QueueAdmin queue;
    private final Grid<QueueAdmin.QueuedJob> grid = new Grid<>();
    private final Paragraph load = new Paragraph();
    private final Button hold = new Button();
    private final Grid.Column<QueueAdmin.QueuedJob> where;   // which worker or app node: only with more than one machine

    QueuePanel(QueueAdmin queue) {
        this.queue = queue;
        addClassName("dashboard-panel");
        setId("queue-panel");
        grid.addColumn(j -> j.position() == 0 ? "▶" : String.valueOf(j.position())).setHeader("#").setAutoWidth(true);
        grid.addColumn(QueueAdmin.QueuedJob::nickname).setHeader(getTranslation("class.roster.nickname"));
        grid.addColumn(j -> FriendlyNames.network(this, j.name())).setHeader(getTranslation("class.queue.job"));
        grid.addColumn(j -> j.epoch() + "/" + j.epochs()).setHeader(getTranslation("class.queue.epoch"));
        grid.addColumn(j -> Numbers.of(this).decimal(j.seconds(), 0) + " s").setHeader(getTranslation("class.queue.time"));
        where = grid.addColumn(QueueAdmin.QueuedJob::where).setHeader(getTranslation("class.queue.where"));
        grid.addComponentColumn(j -> {
            Button cancel = new Button(getTranslation("class.queue.cancel"), e -> act(() -> queue.cancelJob(j.jobId())));
            cancel.addThemeVariants(ButtonVariant.TERTIARY);
            return cancel;
        });
        grid.setAllRowsVisible(true);
        grid.setId("queue-grid");
        Button cancelAll = new Button(getTranslation("class.queue.cancelAll"), e -> act(queue::cancelAllJobs));
        cancelAll.addThemeVariants(ButtonVariant.ERROR);
        hold.addClickListener(e -> act(() -> queue.holdQueue(!queue.load().queueHeld())));
        hold.setId("queue-hold");
        load.setId("server-load");
        add(new H2(getTranslation("class.queue.heading")), grid, new HorizontalLayout(cancelAll, hold), load);
    }

    void show() {
        List<QueueAdmin.QueuedJob> jobs = queue.queue();
        grid.setItems(jobs);
        where.setVisible(jobs.stream().anyMatch(j -> !j.where().isEmpty()));
        ServerLoad l = queue.load();
        hold.setText(getTranslation(l.queueHeld() ? "class.queue.release" : "class.queue.hold"));
        Numbers n = Numbers.of(this);
        load.setText(getTranslation("class.load", n.integer(Math.round(l.cpu() * 100)),
                n.integer(Math.round(l.heapUsed() / MB)), n.integer(Math.round(l.heapMax() / MB)),
                n.integer(Math.round(l.residentBytes() / MB)), l.studentsOnline(), l.jobsRunning(), l.jobsWaiting()));
    }

    private void act(Runnable action) {
        Messages.attempt(this, () -> {
            action.run();
            show();
        });
    }
}
