package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
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
 */
@Route("clase")
@RolesAllowed(Instructors.ROLE)
public class DashboardView extends Div implements BeforeEnterObserver, HasDynamicTitle {
    private final ClassSessions classes;
    private final Instructors instructors;
    private final AuthenticationContext auth;
    private final DashboardClock clock;
    private final Select<ClassSession> sessions = new Select<>();
    private final Div body = new Div();
    private final JoinPanel join;
    private final RosterPanel roster;
    private final TeachingPanel teaching;
    private final PollPanel polls;
    private final QueuePanel queue;
    private final GalleryPanel gallery;
    private static final long REFRESH_MILLIS = 1_000;
    private Coalescer<ClassEvent> refreshes;
    private final SavedWorkPanel savedWork;
    private Runnable stopClock = () -> { };

    public DashboardView(ClassSessions classes, Roster members, TeachingControls teachingControls, Polls pollService, QueueAdmin queueAdmin,
                         Gallery galleryService, ClassExports exports, SavedWorkAdmin savedWorkAdmin, Instructors instructors,
                         AuthenticationContext auth, ClassEvents events, DashboardClock clock, SampleImages samples, DatasetCatalog datasets) {
        this.classes = classes;
        this.instructors = instructors;
        this.auth = auth;
        this.clock = clock;
        addClassName("dashboard");
        join = new JoinPanel(classes, s -> reloadSessions(s.id()));
        roster = new RosterPanel(members);
        teaching = new TeachingPanel(teachingControls, classes, samples, datasets);
        polls = new PollPanel(pollService);
        queue = new QueuePanel(queueAdmin);
        gallery = new GalleryPanel(galleryService, exports);
        savedWork = new SavedWorkPanel(savedWorkAdmin);
        sessions.setLabel(getTranslation("class.session.choose"));
        sessions.setId("class-session-select");
        sessions.setItemLabelGenerator(s -> s.name() + " · " + s.joinCode() + (s.archived() ? " · " + getTranslation("class.session.archived") : ""));
        sessions.addValueChangeListener(e -> show(e.getValue()));
        TextField name = new TextField(getTranslation("class.session.name.label"));
        name.setId("class-session-name");
        Checkbox approve = new Checkbox(getTranslation("class.session.approveEach"));
        Button create = new Button(getTranslation("class.session.create"), e -> Messages.attempt(this,
                () -> reloadSessions(classes.create(name.getValue(), approve.getValue()).id())));
        create.setId("class-session-create");
        Button logout = new Button(getTranslation("class.logout"), e -> auth.logout());
        HorizontalLayout top = new HorizontalLayout(sessions, name, approve, create, logout);
        top.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        top.setWrap(true);
        body.addClassName("dashboard-panels");
        body.add(join, roster, teaching, polls, queue, new LimitsPanel(queueAdmin), gallery, savedWork);
        add(new H1(getTranslation("class.dashboard.title")), top, new Anchor("clase/galeria", getTranslation("class.gallery.project")), body);
        ClassListener.attach(this, events, this::hear);
        reloadSessions(-1);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        auth.getPrincipalName().filter(instructors::mustChangePassword).ifPresent(n -> event.forwardTo(PasswordView.class));
    }

    private void reloadSessions(long select) {
        var all = classes.sessions();
        sessions.setItems(all);
        all.stream().filter(s -> s.id() == select).findFirst().or(() -> all.stream().filter(s -> !s.archived()).findFirst())
                .ifPresentOrElse(sessions::setValue, () -> show(null));
    }

    private void show(ClassSession session) {
        body.setVisible(session != null);
        if (session == null) return;
        join.show(classes.session(session.id()));
        savedWork.show(session.id());
        teaching.show(classes.session(session.id()));
        refresh();
    }

    /** Class events come in bursts (a poll's answers, a class joining): the dashboard refreshes at most once a second, and after the last. */
    private void hear(ClassEvent event) {
        if (sessions.getValue() != null && event.classId() == sessions.getValue().id() && refreshes != null) refreshes.offer(event, false);
    }

    private void refresh() {
        ClassSession s = sessions.getValue();
        if (s == null) return;
        roster.show(s.id());
        polls.show(s.id());
        gallery.show(s.id());
        queue.show();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        UI ui = attachEvent.getUI();
        refreshes = new Coalescer<>(REFRESH_MILLIS, e -> ui.access(this::refresh));
        stopClock = clock.subscribe(() -> ui.access(() -> {
            queue.show();
            if (sessions.getValue() != null) roster.show(sessions.getValue().id());
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
