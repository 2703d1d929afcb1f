package org.cnnlab.representation.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.representation.ClassicPipeline;
import org.cnnlab.representation.PointSet;
import org.cnnlab.representation.RepresentationLab;
import org.cnnlab.training.TrainingProgress;

/**
 * Why learn features: where deep learning sits, a change of representation, and the classic pipeline next to a CNN.
 * The panels hold no service; this view is the one caller of {@link RepresentationLab} and {@link ClassicPipeline}:
 * it starts what they ask for and hands progress and results back to them under the UI's lock.
 */
@AnonymousAllowed
@Route(Lesson.Paths.REPRESENTATION)
public class RepresentationView extends Div implements HasDynamicTitle {

    private final StudentId student = CurrentStudent.id();

    public RepresentationView(RepresentationLab lab, ClassicPipeline pipeline) {
        addClassName("network-lesson");
        ChangeOfRepresentationPanel phi = new ChangeOfRepresentationPanel();
        phi.addFitListener(e -> fit(lab, phi, e));
        ClassicPipelinePanel classic = new ClassicPipelinePanel(pipeline.datasets(), pipeline.defaultDataset());
        classic.addRunListener(e -> compare(pipeline, classic, e));
        TabSheet tabs = new TabSheet();
        tabs.setId("repr-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("representation.tab.overview"), new OverviewPanel());
        tabs.add(getTranslation("representation.tab.phi"), phi);
        tabs.add(getTranslation("representation.tab.classic"), classic);
        add(new H1(getTranslation("lesson.representation.title")), tabs);
    }

    /** Makes the point sets (training and a fresh test set), then trains the line or the MLP on them. */
    private void fit(RepresentationLab lab, ChangeOfRepresentationPanel panel, ChangeOfRepresentationPanel.FitEvent e) {
        UI ui = UI.getCurrent();
        try {
            PointSet train = lab.points(e.kind(), e.points(), e.noise(), e.seed());
            PointSet test = lab.testPoints(e.kind(), e.points(), e.noise(), e.seed());
            panel.started(e.points(), train.size());
            Consumer<TrainingProgress> watch = p -> ui.access(() -> panel.progress(p.fraction()));
            CompletableFuture<RepresentationLab.Fit> fit = e.mlp() ? lab.mlp(student, train, test, e.seed(), watch)
                    : lab.linear(student, train, test, e.phi(), e.seed(), watch);
            fit.whenComplete((f, failure) -> ui.access(() -> panel.finished(e.mlp(), f, failure)));
        } catch (InvalidInputException refused) {
            panel.refused(refused);
        }
    }

    private void compare(ClassicPipeline pipeline, ClassicPipelinePanel panel, ClassicPipelinePanel.RunEvent e) {
        UI ui = UI.getCurrent();
        try {
            panel.started();
            pipeline.compare(student, e.dataset(), e.perClass(), e.features(), 1, runs -> ui.access(() -> panel.progress(runs)))
                    .whenComplete((c, failure) -> ui.access(() -> panel.finished(c, failure)));
        } catch (InvalidInputException refused) {
            panel.refused(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.representation.title");
    }
}
