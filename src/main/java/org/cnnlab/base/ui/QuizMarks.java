package org.cnnlab.base.ui;

import com.vaadin.flow.component.HasElement;
import java.util.Locale;
import org.cnnlab.base.QuizAttempts;

/**
 * Right and wrong, marked the same way in every quiz: a sign before the feedback's text, and the
 * {@code data-correct} and {@code data-stage} (right, hint, answer) attributes the stylesheet colours.
 */
public final class QuizMarks {
    public static final String RIGHT = "✓ ";
    public static final String WRONG = "✗ ";

    private QuizMarks() {
    }

    public static void mark(HasElement feedback, QuizAttempts.Verdict verdict) {
        feedback.getElement().getClassList().add("quiz-feedback");
        feedback.getElement().setAttribute("data-correct", Boolean.toString(verdict == QuizAttempts.Verdict.RIGHT));
        feedback.getElement().setAttribute("data-stage", verdict.name().toLowerCase(Locale.ROOT));
    }
}
