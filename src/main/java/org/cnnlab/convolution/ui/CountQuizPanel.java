package org.cnnlab.convolution.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.cnnlab.base.QuizAttempts;
import org.cnnlab.base.ui.QuizMarks;
import org.cnnlab.convolution.CountQuiz;
import org.cnnlab.imaging.SampleImages;

/** The slide's quiz "¿cuántas imágenes obtenemos?", asked on the lecture's 7×9 matrix with a 3×3 kernel. */
class CountQuizPanel extends VerticalLayout {

    CountQuizPanel() {
        setPadding(false);
        int rows = SampleImages.LECTURE_MATRIX.length;
        int cols = SampleImages.LECTURE_MATRIX[0].length;
        int k = 3;
        IntegerField answer = new IntegerField(getTranslation("quiz.count.answer"));
        answer.setId("quiz-answer");
        Paragraph feedback = new Paragraph();
        feedback.setId("quiz-feedback");
        Paragraph score = new Paragraph();
        score.setId("quiz-score");
        QuizAttempts attempts = new QuizAttempts();
        Button check = new Button(getTranslation("quiz.check"), e -> {
            if (answer.getValue() == null) {
                feedback.setText(getTranslation("quiz.count.empty"));
                return;
            }
            CountQuiz.Feedback f = CountQuiz.check(rows, cols, k, answer.getValue());
            QuizAttempts.Verdict verdict = attempts.attempt(0, f.correct());
            QuizMarks.mark(feedback, verdict);
            feedback.setText(switch (verdict) {
                case RIGHT -> QuizMarks.RIGHT + getTranslation(f.hintKey(), rows, cols, k, f.outRows(), f.outCols(), f.positions());
                case HINT -> QuizMarks.WRONG + getTranslation(f.firstTryKey(), rows, cols, k) + " " + getTranslation("quiz.hint.again");
                case ANSWER -> QuizMarks.WRONG + getTranslation(f.hintKey(), rows, cols, k, f.outRows(), f.outCols(), f.positions())
                        + " " + getTranslation("quiz.count.general");
            });
            score.setText(getTranslation("quiz.score", attempts.right(), attempts.tried(), attempts.rightFirstTime()));
        });
        check.setId("quiz-check");
        add(new H3(getTranslation("quiz.count.heading")),
                new Paragraph(getTranslation("quiz.count.question", rows, cols, k)),
                new HorizontalLayout(answer, check), feedback, score);
        ((HorizontalLayout) getComponentAt(2)).setAlignItems(Alignment.BASELINE);
    }
}
