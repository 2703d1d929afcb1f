package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.classroom.ClassSessions;
import org.cnnlab.classroom.SavedWorkAdmin;
import org.cnnlab.classroom.TeachingControls;
import org.cnnlab.imaging.SampleImages;

/**
 * The dashboard's panels read when a session is chosen, not on every class event: its admission
 * ({@link JoinPanel}), what reaches every page ({@link TeachingPanel}) and its saved work
 * ({@link SavedWorkPanel}), wired to {@link ClassSessions}, {@link TeachingControls} and
 * {@link SavedWorkAdmin}. Not a component: {@link DashboardView} owns it, places its panels and
 * tells it which session to show.
 */
final class SessionSection {
    private final Component owner;
    private final ClassSessions classes;
    private final SavedWorkAdmin savedWorkAdmin;
    private final JoinPanel join = new JoinPanel();
    private final TeachingPanel teaching;
    private final SavedWorkPanel savedWork = new SavedWorkPanel();
    private long classId;

    /**
     * {@code owner}: the view, whose language a refusal is told in; {@code relist}: lists the sessions
     * again choosing this one (after a change the session list shows, e.g. archiving).
     */
    SessionSection(Component owner, ClassSessions classes, TeachingControls teachingControls, SavedWorkAdmin savedWorkAdmin,
                   List<SampleImages.Sample> samples, List<String> datasets, LongConsumer relist) {
        this.owner = owner;
        this.classes = classes;
        this.savedWorkAdmin = savedWorkAdmin;
        teaching = new TeachingPanel(samples, datasets);
        join.addCodeOpenListener(e -> change(() -> classes.openCode(e.classId(), e.open()), relist));
        join.addRenewListener(e -> change(() -> classes.renewCode(e.classId()), relist));
        join.addApproveEachListener(e -> change(() -> classes.approveEach(e.classId(), e.approveEach()), relist));
        join.addMembersOnlyListener(e -> change(() -> classes.membersOnly(e.classId(), e.membersOnly()), relist));
        join.addArchiveListener(e -> Messages.attempt(owner, () -> {
            classes.archive(e.classId());
            relist.accept(e.classId());
        }));
        teaching.addPauseListener(e -> Messages.attempt(owner, () -> {
            teachingControls.pause(e.classId(), e.paused(), e.message());
            teaching.show(classes.session(e.classId()));
        }));
        teaching.addPaceListener(e -> Messages.attempt(owner, () -> teachingControls.pace(e.classId(), e.lessons())));
        teaching.addPushKernelListener(e -> Messages.attempt(owner,
                () -> teachingControls.pushKernel(e.classId(), e.size(), e.weights(), e.bias(), e.label())));
        teaching.addPushListener(e -> Messages.attempt(owner, () -> teachingControls.push(e.classId(), e.what(), e.value(), e.label())));
        savedWork.addRefreshListener(e -> showSavedWork());
        savedWork.addDeleteListener(e -> Messages.attempt(owner, () -> {
            savedWorkAdmin.deleteSavedWork(classId, e.work().student());
            savedWork.deleted(e.work());
            showSavedWork();
        }));
    }

    JoinPanel join() {
        return join;
    }

    TeachingPanel teaching() {
        return teaching;
    }

    SavedWorkPanel savedWork() {
        return savedWork;
    }

    /** Shows session {@code id} as saved. */
    void show(long id) {
        classId = id;
        join.show(classes.session(id));
        showSavedWork();
        teaching.show(classes.session(id));
    }

    private void showSavedWork() {
        long id = classId;
        savedWork.show(id, savedWorkAdmin.savedWork(id), out -> savedWorkAdmin.writeSavedWorkZip(id, out));
    }

    /** An admission change, saved: the session shown as it is now, and the sessions listed again. */
    private void change(Supplier<ClassSession> action, LongConsumer relist) {
        Messages.attempt(owner, () -> {
            ClassSession next = action.get();
            join.show(next);
            relist.accept(next.id());
        });
    }
}
