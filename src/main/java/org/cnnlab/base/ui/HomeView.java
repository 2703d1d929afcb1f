package org.cnnlab.base.ui;

import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.cnnlab.base.Lesson;

/** The opening page: what the lab is, and the lessons in the lecture's order. */
@AnonymousAllowed
@Route("")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView() {
        add(new H1(getTranslation("home.heading")), new Paragraph(getTranslation("home.intro")));
        Div cards = new Div();
        cards.addClassName("lesson-cards");
        for (Lesson lesson : Lesson.values()) {
            Div card = new Div();
            card.addClassName("lesson-card");
            card.addClassName(lesson.built() ? "lesson-built" : "lesson-soon");
            Anchor link = new Anchor(lesson.path(), getTranslation(lesson.titleKey()));
            card.add(new H3(link), new Paragraph(getTranslation(lesson.summaryKey())));
            if (!lesson.built()) {
                card.add(new Paragraph(getTranslation("nav.soon")));
            }
            cards.add(card);
        }
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
