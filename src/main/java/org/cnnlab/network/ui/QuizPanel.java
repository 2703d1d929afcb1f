package org.cnnlab.network.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.cnnlab.base.QuizAttempts;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.base.ui.QuizMarks;
import org.cnnlab.network.LayerReport;
import org.cnnlab.network.NetworkAnalysis;
import org.cnnlab.network.ParameterQuiz;

/**
 * "¿Cuántos parámetros tiene esta red?": the lecture's questions and seeded variants, checked and explained layer by layer.
 * It holds no service: "check" fires a {@link CheckEvent} with the student's answer, and whoever listens answers with
 * {@link #mark} and the question's analysis.
 */
class QuizPanel extends VerticalLayout {

    /** The student's answer {@code answer} (a count of parameters) to question {@code question} (0 first). */
    public static class CheckEvent extends ComponentEvent<QuizPanel> {
        private final int question;
        private final long answer;

        CheckEvent(QuizPanel source, int question, long answer) {
            super(source, false);
            this.question = question;
            this.answer = answer;
        }

        public int question() {
            return question;
        }

        public long answer() {
            return answer;
        }
    }

    private final Paragraph number = new Paragraph();
    private final UnorderedList network = new UnorderedList();
    private final TextField answer = new TextField(getTranslation("netquiz.answer"));
    private final Div feedback = new Div();
    private final UnorderedList explanation = new UnorderedList();
    private final Paragraph score = new Paragraph();
    private final QuizAttempts attempts = new QuizAttempts();
    private int question;

    QuizPanel() {
        setPadding(false);
        number.setId("netquiz-number");
        network.setId("netquiz-network");
        answer.setId("netquiz-answer");
        feedback.setId("netquiz-feedback");
        explanation.setId("netquiz-explanation");
        score.setId("netquiz-score");
        Button previous = new Button(getTranslation("netquiz.previous"), e -> go(question - 1));
        previous.setId("netquiz-prev");
        Button next = new Button(getTranslation("netquiz.next"), e -> go(question + 1));
        next.setId("netquiz-next");
        Button check = new Button(getTranslation("quiz.check"), e -> check());
        check.setId("netquiz-check");
        answer.addKeyPressListener(Key.ENTER, e -> check());
        add(new HorizontalLayout(previous, number, next), new Paragraph(getTranslation("netquiz.question")), network,
                new HorizontalLayout(answer, check), feedback, explanation, score);
        go(0);
    }

    private void go(int n) {
        question = Math.floorMod(n, ParameterQuiz.count());
        ParameterQuiz.Question q = ParameterQuiz.question(question);
        number.setText(getTranslation(question < 2 ? "netquiz.number.lecture" : "netquiz.number", question + 1, ParameterQuiz.count()));
        network.removeAll();
        network.add(new ListItem(getTranslation("netquiz.input", q.spec().input().toString())));
        q.spec().layers().forEach(l -> network.add(new ListItem(LayerLabels.describe(this, l))));
        answer.clear();
        feedback.setText("");
        feedback.getElement().removeAttribute("data-correct");
        feedback.getElement().removeAttribute("data-stage");
        explanation.removeAll();
    }

    public Registration addCheckListener(ComponentEventListener<CheckEvent> listener) {
        return addListener(CheckEvent.class, listener);
    }

    /** An empty or unreadable answer is asked for again here; a number goes to the listeners. */
    private void check() {
        long typed = ParameterQuiz.parse(answer.getValue());
        if (typed < 0) {
            feedback.setText(getTranslation("netquiz.empty"));
            return;
        }
        fireEvent(new CheckEvent(this, question, typed));
    }

    /** Marks the answer {@code typed} to question {@code asked} against its analysis {@code a}: a hint first, then the explanation. */
    void mark(int asked, long typed, NetworkAnalysis a) {
        boolean right = typed == a.trainable();
        QuizAttempts.Verdict verdict = attempts.attempt(asked, right);
        Numbers numbers = Numbers.of(this);
        QuizMarks.mark(feedback, verdict);
        explanation.removeAll();
        long slide = ParameterQuiz.question(asked).slideTotal();
        if (verdict == QuizAttempts.Verdict.HINT) {
            String hint = slide > 0 && typed == slide ? getTranslation("netquiz.hint.slide")
                    : getTranslation(typed > a.trainable() ? "netquiz.hint.high" : "netquiz.hint.low", numbers.integer(typed));
            feedback.setText(QuizMarks.WRONG + hint + " " + getTranslation("quiz.hint.again"));
        } else {
            feedback.setText((right ? QuizMarks.RIGHT : QuizMarks.WRONG) + getTranslation(right ? "netquiz.correct" : "netquiz.wrong", numbers.integer(a.trainable())));
            explain(a, slide, numbers);
        }
        score.setText(getTranslation("quiz.score", attempts.right(), attempts.tried(), attempts.rightFirstTime()));
    }

    private void explain(NetworkAnalysis a, long slide, Numbers numbers) {
        for (LayerReport r : a.layers()) {
            String formula = CostFormula.of(numbers, r);
            if (formula != null) explanation.add(new ListItem(LayerLabels.describe(this, r.layer()) + ": " + formula));
        }
        explanation.add(new ListItem(getTranslation("netquiz.total", numbers.integer(a.trainable()))));
        if (slide > 0 && slide != a.trainable()) {
            ListItem note = new ListItem(getTranslation("netquiz.slide", numbers.integer(slide), numbers.integer(a.trainable()),
                    numbers.integer(Math.abs(slide - a.trainable()))));
            note.setId("netquiz-slide-note");
            explanation.add(note);
        }
    }
}
