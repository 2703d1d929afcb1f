package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ui.ClassListener;
import org.cnnlab.classroom.ClassSession;
import org.cnnlab.classroom.ClassSessions;
import org.cnnlab.classroom.Gallery;
import org.cnnlab.classroom.Instructors;

/** The gallery to project: big pictures, anonymised unless the instructor unticks it; new entries appear by push. */
@Route("clase/galeria")
@RolesAllowed(Instructors.ROLE)
public class GalleryView extends Div implements HasDynamicTitle {
    private final Gallery gallery;
    private final Select<ClassSession> session = new Select<>();
    private final Checkbox anonymous = new Checkbox();
    private final Div entries = new Div();
    private final GalleryCards cards = new GalleryCards(entries);

    public GalleryView(ClassSessions sessions, Gallery gallery, ClassEvents events) {
        this.gallery = gallery;
        addClassName("gallery-projection");
        session.setItems(sessions.sessions().stream().filter(s -> !s.archived()).toList());
        session.setItemLabelGenerator(ClassSession::name);
        session.setId("gallery-session");
        session.addValueChangeListener(e -> show());
        anonymous.setLabel(getTranslation("class.gallery.anonymous"));
        anonymous.setValue(true);
        anonymous.setId("gallery-anonymous");
        anonymous.addValueChangeListener(e -> show());
        entries.addClassName("gallery");
        entries.setId("gallery-entries");
        add(new H1(getTranslation("class.gallery.heading")), session, anonymous, entries);
        session.getListDataView().getItems().findFirst().ifPresent(session::setValue);
        ClassListener.attach(this, events, e -> {
            if (e instanceof ClassEvent.DashboardChanged && session.getValue() != null && e.classId() == session.getValue().id()) show();
        });
    }

    private void show() {
        cards.show(session.getValue() == null ? List.of() : gallery.gallery(session.getValue().id()), anonymous.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("class.gallery.heading");
    }
}
