package org.cnnlab.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.cnnlab.base.Lesson;

/** The opening page: what the lab is, and the lessons in the lecture's order. */
@AnonymousAllowed
@Route("")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView() {
        Lesson first = Lesson.values()[0];
        Anchor start = new Anchor(first.path(), getTranslation("home.start", first.number(), getTranslation(first.titleKey())));
        start.setId("home-start");
        start.addClassName("home-start");
        add(new H1(getTranslation("home.heading")), new Paragraph(getTranslation("home.intro")), start);
        Div cards = new Div();
        cards.addClassName("lesson-cards");
        for (Lesson lesson : Lesson.values()) {
            Div card = new Div();
            card.addClassName("lesson-card");
            Span number = new Span(Integer.toString(lesson.number()));
            number.addClassName("lesson-number");
            Anchor link = new Anchor(lesson.path(), getTranslation(lesson.titleKey()));
            card.add(new H3(number, link), new Paragraph(getTranslation(lesson.summaryKey())));
            cards.add(card);
        }
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("app.title");
    }
}
