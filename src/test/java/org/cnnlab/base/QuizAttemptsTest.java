package org.cnnlab.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.cnnlab.base.QuizAttempts.Verdict;
import org.junit.jupiter.api.Test;

class QuizAttemptsTest {

    @Test
    void a_hint_first_then_the_answer_and_only_answers_found_before_it_was_shown_score() {
        QuizAttempts quiz = new QuizAttempts();
        assertThat(quiz.attempt(0, true)).isEqualTo(Verdict.RIGHT);            // right at once
        assertThat(quiz.attempt(1, false)).isEqualTo(Verdict.HINT);
        assertThat(quiz.attempt(1, true)).isEqualTo(Verdict.RIGHT);            // right after the hint
        assertThat(quiz.attempt(2, false)).isEqualTo(Verdict.HINT);
        assertThat(quiz.attempt(2, false)).isEqualTo(Verdict.ANSWER);
        assertThat(quiz.attempt(2, false)).isEqualTo(Verdict.ANSWER);
        assertThat(quiz.attempt(2, true)).isEqualTo(Verdict.RIGHT);            // typed after it was shown: no score
        assertThat(quiz.attempt(0, true)).isEqualTo(Verdict.RIGHT);            // counted once
        assertThat(quiz.tried()).isEqualTo(3);
        assertThat(quiz.right()).isEqualTo(2);
        assertThat(quiz.rightFirstTime()).isEqualTo(1);
    }
}
