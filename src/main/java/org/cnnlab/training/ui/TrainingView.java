package org.cnnlab.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.ClassListener;
import org.cnnlab.base.ui.Coalescer;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.base.ui.DrawCanvas;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.base.ui.ShareButton;
import org.cnnlab.dataset.OwnClasses;
import org.cnnlab.training.StudentModels;
import org.cnnlab.training.TrainingLab;
import org.cnnlab.training.TrainingProgress;

/** Train a network on the server and watch it learn; the work happens in {@link TrainingLab}. */
@AnonymousAllowed
@Route(Lesson.Paths.TRAINING)
// the drawing pad and the runs table are created hidden: declare them so their modules load with this route
@Uses(DrawCanvas.class)
@Uses(Grid.class)
public class TrainingView extends Div implements HasDynamicTitle, BeforeEnterObserver {
    private static final long REFRESH_MILLIS = 200;

    private final TrainingLab lab;
    private final StudentId student = CurrentStudent.id();
    private final TrainingMonitor monitor;
    private final DatasetPreview preview = new DatasetPreview();
    private final TrainingSetup setup;
    private final ComparePanel compare = new ComparePanel();
    private final SavedModelsSection saved;
    private final OwnClassesPanel own;
    private Runnable unwatch = () -> { };
    private long jobId = -1;

    public TrainingView(TrainingLab lab, StudentModels studentModels, ClassRoom classRoom, ClassEvents events) {
        this.lab = lab;
        monitor = new TrainingMonitor(ShareButton.disabled(classRoom, student, () -> lab.submission(student, jobId)));
        addClassName("network-lesson");
        setup = new TrainingSetup(lab.datasets(), lab::classes);
        setup.addChangeListener(e -> showPreview(e.choice));
        setup.addStartListener(e -> Messages.attempt(this, () -> follow(lab.start(student, e.choice).jobId())));
        setup.addCompareListener(e -> Messages.attempt(this, () -> follow(lab.compare(student, e.choice).jobId())));
        setup.addStopListener(e -> {
            if (jobId >= 0) lab.stop(student, jobId);
        });
        setup.addPauseListener(e -> Messages.attempt(this, () -> lab.pause(student, jobId, e.pause)));
        saved = new SavedModelsSection(studentModels, student, this);
        own = new OwnClassesPanel(lab.maxImageBytes());
        own.addAddClassListener(e -> own(() -> {
            lab.addOwnClass(student, e.name);
            own.classAdded();
        }));
        own.addAddExampleListener(e -> own(() -> {
            lab.addOwnExample(student, e.className, e.image);
            own.exampleAdded(e.drawn);
        }));
        own.addRemoveClassListener(e -> own(() -> lab.removeOwnClass(student, e.name)));
        Div columns = new Div(setup, new Div(own, preview, monitor, saved.tryModel, saved.models, compare));
        columns.addClassName("training-columns");
        add(new H1(getTranslation("lesson.training.title")), new Paragraph(getTranslation("training.intro")), columns);
        own(() -> { });
        ClassListener.pushed(setup, events, student, ClassEvent.Pushed.What.DATASET, p -> setup.chooseDataset(p.value()), "class.pushed.dataset");
    }

    /** An own-classes action, then the classes and the preview again. */
    private void own(Runnable action) {
        Messages.attempt(this, action);
        own.show(lab.ownClasses(student));
        showPreview(setup.choice());
    }

    private void showPreview(TrainingLab.Choice choice) {
        boolean ownClasses = OwnClasses.ID.equals(choice.dataset());
        own.setVisible(ownClasses);
        try {
            preview.show(lab.preview(student, choice));
        } catch (InvalidInputException e) {
            if (ownClasses) preview.explain(getTranslation(e.messageKey(), e.args()));   // not yet trainable: say why, quietly
            else Messages.error(this, e);
        }
    }

    /** Shows a job's snapshots as they come, at most every {@value #REFRESH_MILLIS} ms, and always the latest one. */
    private void follow(long id) {
        unwatch.run();
        jobId = id;
        UI ui = UI.getCurrent();
        Coalescer<TrainingProgress> shown = new Coalescer<>(REFRESH_MILLIS, p -> ui.access(() -> show(p)));
        unwatch = lab.watch(id, p -> shown.offer(p, p.finished()));
    }

    private void show(TrainingProgress p) {
        if (p.jobId() != jobId) return;   // a late snapshot of a run this page no longer follows
        monitor.show(p, p.confusion() == null ? List.of() : lab.runClasses(student, p.jobId()));
        setup.running(!p.finished(), p.state() == TrainingProgress.State.PAUSED);
        saved.runEnded(p.jobId(), p.state() == TrainingProgress.State.DONE);
        if (p.finished()) compare.show(lab.finished(student));
        if (p.finished() && p.nextJobId() >= 0) follow(p.nextJobId());   // the next run of a comparison
    }

    /** {@code ?dataset=<id>}: the link of a data set the instructor pushed. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("dataset").ifPresent(setup::chooseDataset);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        lab.latest(student).ifPresent(p -> follow(p.jobId()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unwatch.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.training.title");
    }
}
