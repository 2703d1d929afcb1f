package org.cnnlab.representation.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.representation.ClassicPipeline;
import org.cnnlab.representation.RepresentationLab;

/** Why learn features: where deep learning sits, a change of representation, and the classic pipeline next to a CNN. */
@AnonymousAllowed
@Route(Lesson.Paths.REPRESENTATION)
public class RepresentationView extends Div implements HasDynamicTitle {

    public RepresentationView(RepresentationLab lab, ClassicPipeline pipeline) {
        StudentId student = CurrentStudent.id();
        addClassName("network-lesson");
        TabSheet tabs = new TabSheet();
        tabs.setId("repr-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("representation.tab.overview"), new OverviewPanel());
        tabs.add(getTranslation("representation.tab.phi"), new ChangeOfRepresentationPanel(lab, student));
        tabs.add(getTranslation("representation.tab.classic"), new ClassicPipelinePanel(pipeline, student));
        add(new H1(getTranslation("lesson.representation.title")), tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.representation.title");
    }
}
