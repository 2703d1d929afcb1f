package org.cnnlab.classroom.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.Arrays;
import java.util.List;
import org.cnnlab.classroom.Polls;

/**
 * A poll on every student's page (e.g. the lecture's in-class questions), and its answers as they
 * come in. "Open" and "close" are events; the view opens or closes the poll and shows the polls again.
 */
class PollPanel extends Div {

    /** Open a poll: the question typed and its options, one a line as typed (the service checks them). */
    public static class OpenEvent extends ComponentEvent<PollPanel> {
        private final String question;
        private final List<String> options;

        public OpenEvent(PollPanel source, String question, List<String> options) {
            super(source, false);
            this.question = question;
            this.options = options;
        }

        public String question() {
            return question;
        }

        public List<String> options() {
            return options;
        }
    }

    /** Close poll {@code pollId}: it takes no more answers. */
    public static class CloseEvent extends ComponentEvent<PollPanel> {
        private final long pollId;

        public CloseEvent(PollPanel source, long pollId) {
            super(source, false);
            this.pollId = pollId;
        }

        public long pollId() {
            return pollId;
        }
    }

    private final TextField question = new TextField();
    private final TextArea options = new TextArea();
    private final Div results = new Div();

    PollPanel() {
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
        Button open = new Button(getTranslation("class.poll.open"),
                e -> fireEvent(new OpenEvent(this, question.getValue(), Arrays.asList(options.getValue().split("\n")))));
        open.setId("poll-open");
        results.setId("poll-results");
        add(new H2(getTranslation("class.poll.heading")), question, options, lecture, open, results);
    }

    /** Shows the newest three of the session's {@code polls} (newest first) with their answers. */
    void show(List<Polls.PollResult> polls) {
        results.removeAll();
        polls.stream().limit(3).forEach(p -> {
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
                Button close = new Button(getTranslation("class.poll.close"), e -> fireEvent(new CloseEvent(this, p.id())));
                close.addClassName("poll-close");
                poll.add(close);
            }
            results.add(poll);
        });
    }

    public Registration addOpenListener(ComponentEventListener<OpenEvent> listener) {
        return addListener(OpenEvent.class, listener);
    }

    public Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
        return addListener(CloseEvent.class, listener);
    }
}
