package org.cnnlab.descent.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.cnnlab.base.Lesson;
import org.cnnlab.base.StudentId;
import org.cnnlab.base.ui.CurrentStudent;
import org.cnnlab.descent.DescentService;

/** The recap lesson: gradient descent you can watch; the work happens in {@link DescentService}. */
@AnonymousAllowed
@Route(Lesson.Paths.RECAP)
public class DescentView extends Div implements HasDynamicTitle {

    public DescentView(DescentService service) {
        StudentId student = CurrentStudent.id();
        addClassName("network-lesson");
        TabSheet tabs = new TabSheet();
        tabs.setId("descent-tabs");
        tabs.setWidthFull();
        tabs.add(getTranslation("descent.tab.fit"), new FitPanel(service, student));
        tabs.add(getTranslation("descent.tab.width"), new WidthPanel(service, student));
        tabs.add(getTranslation("descent.tab.surface"), new SurfacePanel(service));
        add(new H1(getTranslation("lesson.recap.title")), new Paragraph(getTranslation("descent.intro")), tabs);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lesson.recap.title");
    }
}
