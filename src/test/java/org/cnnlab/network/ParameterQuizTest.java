package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterQuizTest {

    private final ShapeInference inference = new ShapeInference(NetworkLimits.defaults());

    @Test
    void there_are_the_lectures_two_questions_and_at_least_twenty_distinct_valid_variants() {
        assertThat(ParameterQuiz.count()).isGreaterThanOrEqualTo(22);
        Set<NetworkSpec> seen = new HashSet<>();
        for (int n = 0; n < ParameterQuiz.count(); n++) {
            NetworkSpec spec = ParameterQuiz.question(n).spec();
            assertThat(inference.analyse(spec).valid()).as("question %d", n).isTrue();
            seen.add(spec);
        }
        assertThat(seen).hasSize(ParameterQuiz.count());
    }

    @Test
    void variants_are_seeded_the_same_every_time() {
        assertThat(ParameterQuiz.question(7).spec()).isEqualTo(ParameterQuiz.question(7).spec());
    }

    @Test
    void the_lecture_questions_answer_the_slides_arithmetic() {
        assertThat(inference.analyse(ParameterQuiz.question(0).spec()).trainable()).isEqualTo((224L * 224 * 3 + 1) * 128);
        ParameterQuiz.Question quiz = ParameterQuiz.question(1);
        long sumOfSlideTerms = (3 * 3 * 3 + 1) * 8 + (5 * 5 * 8 + 1) * 12 + 12L * 42 * 42 * 128 + 128 + 128 * 5 + 5;
        assertThat(inference.analyse(quiz.spec()).trainable()).isEqualTo(sumOfSlideTerms);
        assertThat(quiz.slideTotal()).isNotEqualTo(sumOfSlideTerms);
    }

    @Test
    void typed_answers_read_with_any_thousands_separator() {
        assertThat(ParameterQuiz.parse("2712913")).isEqualTo(2_712_913L);
        assertThat(ParameterQuiz.parse("2,712,913")).isEqualTo(2_712_913L);
        assertThat(ParameterQuiz.parse("2.712.913")).isEqualTo(2_712_913L);
        assertThat(ParameterQuiz.parse(" 2 712 913 ")).isEqualTo(2_712_913L);
        assertThat(ParameterQuiz.parse("")).isEqualTo(-1);
        assertThat(ParameterQuiz.parse("dos millones")).isEqualTo(-1);
        assertThat(ParameterQuiz.parse("-5")).isEqualTo(-1);
        assertThat(ParameterQuiz.parse("99999999999999999999")).isEqualTo(-1);
    }
}
