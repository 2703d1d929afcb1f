package org.cnnlab.training.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableSupplier;
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
import org.cnnlab.models.ModelRef;
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
    private final StudentModels studentModels;
    private final StudentId student = CurrentStudent.id();
    private final TrainingMonitor monitor;
    private final DatasetPreview preview = new DatasetPreview();
    private final TrainingSetup setup;
    private final TryModelPanel tryModel;
    private final ComparePanel compare = new ComparePanel();
    private final ModelsPanel models;
    private final OwnClassesPanel own;
    private Runnable unwatch = () -> { };
    private long jobId = -1;
    private ModelRef trying;

    public TrainingView(TrainingLab lab, StudentModels studentModels, ClassRoom classRoom, ClassEvents events) {
        this.lab = lab;
        this.studentModels = studentModels;
        monitor = new TrainingMonitor(ShareButton.disabled(classRoom, student, () -> lab.submission(student, jobId)));
        addClassName("network-lesson");
        setup = new TrainingSetup(lab.datasets(), lab::classes, choice -> showPreview(choice),
                c -> submit(() -> lab.start(student, c)), c -> submit(() -> lab.compare(student, c)), this::stop,
                pause -> Messages.attempt(this, () -> lab.pause(student, jobId, pause)));
        tryModel = new TryModelPanel(png -> studentModels.predict(student, trying, png));
        models = new ModelsPanel(studentModels, student, saved -> {
            trying = ModelRef.saved(saved.id());
            tryModel.trying(getTranslation("training.try.saved", saved.name()));
        });
        own = new OwnClassesPanel(lab, student, lab.maxImageBytes(), () -> showPreview(setup.choice()));
        Div columns = new Div(setup, new Div(own, preview, monitor, tryModel, models, compare));
        columns.addClassName("training-columns");
        add(new H1(getTranslation("lesson.training.title")), new Paragraph(getTranslation("training.intro")), columns);
        showPreview(setup.choice());
        ClassListener.pushed(setup, events, student, ClassEvent.Pushed.What.DATASET, p -> setup.chooseDataset(p.value()), "class.pushed.dataset");
    }

    private void showPreview(TrainingLab.Choice choice) {
        boolean ownClasses = OwnClasses.ID.equals(choice.dataset());
        if (own != null) own.setVisible(ownClasses);
        try {
            preview.show(lab.preview(student, choice));
        } catch (InvalidInputException e) {
            if (ownClasses) preview.explain(getTranslation(e.messageKey(), e.args()));   // not yet trainable: say why, quietly
            else Messages.error(this, e);
        }
    }

    /** Queues a run (or a comparison's runs) and follows it; a refusal is shown, not thrown. */
    private void submit(SerializableSupplier<TrainingProgress> queued) {
        try {
            follow(queued.get().jobId());
        } catch (InvalidInputException e) {
            Messages.error(this, e);
        }
    }

    private void stop() {
        if (jobId >= 0) lab.stop(student, jobId);
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
        monitor.show(p, p.confusion() == null ? List.of() : studentModels.classes(student, ModelRef.job(p.jobId())));
        setup.running(!p.finished(), p.state() == TrainingProgress.State.PAUSED);
        boolean done = p.state() == TrainingProgress.State.DONE;
        models.finishedRun(done ? p.jobId() : -1);
        if (done && !ModelRef.job(p.jobId()).equals(trying)) {
            trying = ModelRef.job(p.jobId());
            tryModel.trying(getTranslation("training.try.run", p.jobId()));
        }
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
