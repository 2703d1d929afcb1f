package org.cnnlab.convolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountQuizTest {

    @Test
    void a_3x3_window_on_the_7x9_matrix_takes_5_times_7_positions() {
        CountQuiz.Feedback f = CountQuiz.check(7, 9, 3, 35);
        assertThat(f.correct()).isTrue();
        assertThat(f.outRows()).isEqualTo(7 - 3 + 1);
        assertThat(f.outCols()).isEqualTo(9 - 3 + 1);
    }

    @Test
    void the_slides_square_formula_holds_for_square_images() {
        int n = 12;
        assertThat(CountQuiz.check(n, n, 3, (n - 2) * (n - 2)).correct()).isTrue();
    }

    @Test
    void common_wrong_answers_get_a_specific_hint() {
        assertThat(CountQuiz.check(7, 9, 3, 63).hintKey()).isEqualTo("quiz.count.hint.inputPixels");
        assertThat(CountQuiz.check(7, 9, 3, 63).firstTryKey()).isEqualTo("quiz.count.first.inputPixels");
        assertThat(CountQuiz.check(7, 9, 3, 1).hintKey()).isEqualTo("quiz.count.hint.oneMap");
        assertThat(CountQuiz.check(7, 9, 3, 25).hintKey()).isEqualTo("quiz.count.hint.square");
        assertThat(CountQuiz.check(7, 9, 3, 9).hintKey()).isEqualTo("quiz.count.hint.kernel");
        assertThat(CountQuiz.check(7, 9, 3, 34).correct()).isFalse();
    }
}
