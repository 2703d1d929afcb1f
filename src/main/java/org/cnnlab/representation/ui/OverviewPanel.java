package org.cnnlab.representation.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.cnnlab.base.Lesson;

/** The lecture's opening: AI ⊃ machine learning ⊃ neural networks ⊃ deep learning as nested boxes, y = F[x, θ], and the lesson map. */
class OverviewPanel extends Div {

    OverviewPanel() {
        setId("repr-overview");
        Div nested = box("ai", box("ml", box("nn", box("dl"))));
        nested.setId("repr-nested");
        Paragraph model = new Paragraph(getTranslation("representation.model"));
        model.setId("repr-model");
        OrderedList map = new OrderedList();
        for (Lesson l : Lesson.values()) map.add(new ListItem(new Anchor(l.path(), getTranslation(l.titleKey())), new Span(" — " + getTranslation(l.summaryKey()))));
        add(new Paragraph(getTranslation("representation.overview")), nested, model, new Paragraph(getTranslation("representation.map")), map);
    }

    /** One level of the nesting: its name and definition, and the level inside it. */
    private Div box(String level, Div... inner) {
        Span title = new Span(getTranslation("representation.level." + level));
        title.addClassName("nested-title");
        Div d = new Div(title, new Span(" " + getTranslation("representation.level." + level + ".definition")));
        d.add(inner);
        d.addClassName("nested-box");
        d.addClassName("nested-" + level);
        return d;
    }
}
