package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ui.ClassListener;
import org.cnnlab.base.ui.Coalescer;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.ClassExports;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.classroom.ClassSessions;
import org.cnnlab.classroom.DashboardClock;
import org.cnnlab.classroom.Gallery;
import org.cnnlab.classroom.Instructors;
import org.cnnlab.classroom.Polls;
import org.cnnlab.classroom.QueueAdmin;
import org.cnnlab.classroom.Roster;
import org.cnnlab.classroom.SavedWorkAdmin;
import org.cnnlab.classroom.TeachingControls;
import org.cnnlab.dataset.DatasetCatalog;
import org.cnnlab.imaging.SampleImages;

/**
 * The instructor's dashboard: choose or open a class session, project its code, watch the roster,
 * queue and server load (pushed), and teach — pause, pacing, a pushed kernel, polls, the gallery;
 * and the session's saved work, kept until the instructor deletes it.
 *
 * <p>The panels hold no service: they show what they are given and fire events. This view lists and
 * creates the sessions itself and leaves the panels' events to three sections it owns, grouped by when
 * their panels are read: {@link SessionSection} when a session is chosen, {@link ActivitySection} on
 * every class event (at most once a second), {@link QueueSection} on class events and on the clock.
 */
@Route("clase")
@RolesAllowed(Instructors.ROLE)
public class DashboardView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private static final long REFRESH_MILLIS = 1_000;
    private final ClassSessions classes;
    private final Instructors instructors;
    private final AuthenticationContext auth;
    private final DashboardClock clock;
    private final SessionBar bar = new SessionBar();
    private final Div body = new Div();
    private final SessionSection sessionSection;
    private final ActivitySection activity;
    private final QueueSection queue;
    private Coalescer<ClassEvent> refreshes;
    private Runnable stopClock = () -> { };

    public DashboardView(ClassSessions classes, Roster members, TeachingControls teachingControls, Polls pollService, QueueAdmin queueAdmin,
                         Gallery galleryService, ClassExports exports, SavedWorkAdmin savedWorkAdmin, Instructors instructors,
                         AuthenticationContext auth, ClassEvents events, DashboardClock clock, SampleImages samples, DatasetCatalog datasets) {
        this.classes = classes;
        this.instructors = instructors;
        this.auth = auth;
        this.clock = clock;
        addClassName("dashboard");
        sessionSection = new SessionSection(this, classes, teachingControls, savedWorkAdmin, samples.list(), datasets.ids(), this::reloadSessions);
        activity = new ActivitySection(this, members, pollService, galleryService, exports);
        queue = new QueueSection(this, queueAdmin);
        bar.addSessionChosenListener(e -> show(e.session()));
        bar.addCreateListener(e -> Messages.attempt(this, () -> reloadSessions(classes.create(e.name(), e.approveEach()).id())));
        bar.addLogoutListener(e -> auth.logout());
        body.addClassName("dashboard-panels");
        body.add(sessionSection.join(), activity.roster(), sessionSection.teaching(), activity.polls(), queue.queue(), queue.limits(),
                activity.gallery(), sessionSection.savedWork());
        add(new H1(getTranslation("class.dashboard.title")), bar, new Anchor("clase/galeria", getTranslation("class.gallery.project")), body);
        ClassListener.attach(this, events, this::hear);
        reloadSessions(-1);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        auth.getPrincipalName().filter(instructors::mustChangePassword).ifPresent(n -> event.forwardTo(PasswordView.class));
    }

    /** Lists the sessions again and chooses session {@code select} (or the first open one). */
    private void reloadSessions(long select) {
        bar.show(classes.sessions(), select);
    }

    private void show(ClassSession session) {
        body.setVisible(session != null);
        if (session == null) return;
        sessionSection.show(session.id());
        activity.choose(session.id());
        refresh();
    }

    /** Class events come in bursts (a poll's answers, a class joining): the dashboard refreshes at most once a second, and after the last. */
    private void hear(ClassEvent event) {
        if (bar.chosen() != null && event.classId() == bar.chosen().id() && refreshes != null) refreshes.offer(event, false);
    }

    private void refresh() {
        if (bar.chosen() == null) return;
        activity.refresh();
        queue.refresh();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        refreshes = new Coalescer<>(REFRESH_MILLIS, e -> ui.access(this::refresh));
        stopClock = clock.subscribe(() -> ui.access(() -> {
            queue.refresh();
            if (bar.chosen() != null) activity.showRoster();
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopClock.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.dashboard.title");
    }
}
