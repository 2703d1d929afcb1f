package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import org.cnnlab.base.ui.Messages;
import org.cnnlab.classroom.Polls;

/** A poll on every student's page (e.g. the lecture's in-class questions), and its answers as they come in. */
class PollPanel extends Div {
    private final Polls polls;
    private final TextField question = new TextField();
    private final TextArea options = new TextArea();
    private final Div results = new Div();
    private long classId;

    PollPanel(Polls polls) {
        this.polls = polls;
        addClassName("dashboard-panel");
        setId("poll-panel");
        question.setLabel(getTranslation("class.poll.question.label"));
        question.setId("poll-question");
        question.setWidthFull();
        options.setLabel(getTranslation("class.poll.options.label"));
        options.setId("poll-options");
        options.setWidthFull();
        Button lecture = new Button(getTranslation("class.poll.lecture"), e -> {
            question.setValue(getTranslation("class.poll.lecture.question"));
            options.setValue(getTranslation("class.poll.lecture.options"));
        });
        Button open = new Button(getTranslation("class.poll.open"), e -> Messages.attempt(this, () -> {
            polls.openPoll(classId, question.getValue(), Arrays.asList(options.getValue().split("\n")));
            show(classId);
        }));
        open.setId("poll-open");
        results.setId("poll-results");
        add(new H2(getTranslation("class.poll.heading")), question, options, lecture, open, results);
    }

    void show(long id) {
        classId = id;
        results.removeAll();
        polls.polls(id).stream().limit(3).forEach(p -> {
            Div poll = new Div();
            poll.addClassName("poll-result");
            poll.add(new Span(p.question() + " · " + getTranslation("class.poll.answers", p.answers())));
            for (int i = 0; i < p.options().size(); i++) {
                ProgressBar bar = new ProgressBar(0, Math.max(1, p.answers()), p.counts()[i]);
                Span label = new Span(p.options().get(i) + ": " + p.counts()[i]);
                label.addClassName("poll-count");
                poll.add(label, bar);
            }
            if (p.open()) {
                Button close = new Button(getTranslation("class.poll.close"), e -> Messages.attempt(this, () -> {
                    polls.closePoll(classId, p.id());
                    show(classId);
                }));
                close.addClassName("poll-close");
                poll.add(close);
            }
            results.add(poll);
        });
    }
}
