package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import org.cnnlab.base.ui.FriendlyNames;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.classroom.QueueAdmin;
import org.cnnlab.classroom.ServerLoad;

/**
 * The class's training queue (who, what, position, time; cancel one or all, hold) and the server's
 * load. Cancel, cancel all and hold are events; the view acts on the queue and shows it again.
 */
class QueuePanel extends Div {

    /** Cancel one job, queued or running. */
    public static class CancelEvent extends ComponentEvent<QueuePanel> {
        private final QueueAdmin.QueuedJob job;

        public CancelEvent(QueuePanel source, QueueAdmin.QueuedJob job) {
            super(source, false);
            this.job = job;
        }

        public QueueAdmin.QueuedJob job() {
            return job;
        }
    }

    public static class CancelAllEvent extends ComponentEvent<QueuePanel> {
        public CancelAllEvent(QueuePanel source) {
            super(source, false);
        }
    }

    /**
     * Hold the queue if it runs, release it if held: decided on the queue's state when the view
     * hears it, not on the label shown up to a second ago.
     */
    public static class HoldEvent extends ComponentEvent<QueuePanel> {
        public HoldEvent(QueuePanel source) {
            super(source, false);
        }
    }

    private static final double MB = 1024 * 1024;
    private final Grid<QueueAdmin.QueuedJob> grid = new Grid<>();
    private final Paragraph load = new Paragraph();
    private final Button hold = new Button();
    private final Grid.Column<QueueAdmin.QueuedJob> where;   // which worker or app node: only with more than one machine

    QueuePanel() {
        addClassName("dashboard-panel");
        setId("queue-panel");
        grid.addColumn(j -> j.position() == 0 ? "▶" : String.valueOf(j.position())).setHeader("#").setAutoWidth(true);
        grid.addColumn(QueueAdmin.QueuedJob::nickname).setHeader(getTranslation("class.roster.nickname"));
        grid.addColumn(j -> FriendlyNames.network(this, j.name())).setHeader(getTranslation("class.queue.job"));
        grid.addColumn(j -> j.epoch() + "/" + j.epochs()).setHeader(getTranslation("class.queue.epoch"));
        grid.addColumn(j -> Numbers.of(this).decimal(j.seconds(), 0) + " s").setHeader(getTranslation("class.queue.time"));
        where = grid.addColumn(QueueAdmin.QueuedJob::where).setHeader(getTranslation("class.queue.where"));
        grid.addComponentColumn(j -> {
            Button cancel = new Button(getTranslation("class.queue.cancel"), e -> fireEvent(new CancelEvent(this, j)));
            cancel.addThemeVariants(ButtonVariant.TERTIARY);
            return cancel;
        });
        grid.setAllRowsVisible(true);
        grid.setId("queue-grid");
        Button cancelAll = new Button(getTranslation("class.queue.cancelAll"), e -> fireEvent(new CancelAllEvent(this)));
        cancelAll.addThemeVariants(ButtonVariant.ERROR);
        hold.addClickListener(e -> fireEvent(new HoldEvent(this)));
        hold.setId("queue-hold");
        load.setId("server-load");
        add(new H2(getTranslation("class.queue.heading")), grid, new HorizontalLayout(cancelAll, hold), load);
    }

    /** Shows the queue's {@code jobs} in their order and the server's load {@code l}. */
    void show(List<QueueAdmin.QueuedJob> jobs, ServerLoad l) {
        grid.setItems(jobs);
        where.setVisible(jobs.stream().anyMatch(j -> !j.where().isEmpty()));
        hold.setText(getTranslation(l.queueHeld() ? "class.queue.release" : "class.queue.hold"));
        Numbers n = Numbers.of(this);
        load.setText(getTranslation("class.load", n.integer(Math.round(l.cpu() * 100)),
                n.integer(Math.round(l.heapUsed() / MB)), n.integer(Math.round(l.heapMax() / MB)),
                n.integer(Math.round(l.residentBytes() / MB)), l.studentsOnline(), l.jobsRunning(), l.jobsWaiting()));
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public Registration addCancelAllListener(ComponentEventListener<CancelAllEvent> listener) {
        return addListener(CancelAllEvent.class, listener);
    }

    public Registration addHoldListener(ComponentEventListener<HoldEvent> listener) {
        return addListener(HoldEvent.class, listener);
    }
}
