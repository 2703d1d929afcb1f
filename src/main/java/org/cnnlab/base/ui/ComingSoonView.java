package org.cnnlab.base.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import org.cnnlab.base.Lesson;

/** Where a lesson that is not built yet says so, with what it will teach. */
@AnonymousAllowed
@Route("proximamente")
public class ComingSoonView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    private String title = "";

    @Override
    public void setParameter(BeforeEvent event, String path) {
        removeAll();
        Lesson lesson = Lesson.byPath(path);
        title = lesson == null ? getTranslation("nav.soon") : getTranslation(lesson.titleKey());
        add(new H1(title), new Paragraph(getTranslation("soon.text")));
        if (lesson != null) {
            add(new Paragraph(getTranslation(lesson.summaryKey())));
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
