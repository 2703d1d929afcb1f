package org.cnnlab.network.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.testing.Components.byId;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.ui.QuizMarks;
import org.cnnlab.network.NetworkAnalysis;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parameter quiz holds no service: "check" fires the question and the student's answer, and marks what it is answered with. */
class QuizPanelTest {
    private final UI ui = new UI();   // held here: the current UI is only weakly referenced, and a collected one is "no UI"
    private final List<QuizPanel.CheckEvent> checks = new ArrayList<>();
    private QuizPanel quiz;

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        quiz = new QuizPanel();
        quiz.addCheckListener(checks::add);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private void answer(String typed) {
        byId(quiz, "netquiz-answer", TextField.class).setValue(typed);
        byId(quiz, "netquiz-check", Button.class).click();
    }

    @Test
    void check_fires_the_question_shown_and_the_typed_count() {
        answer("2712913");
        byId(quiz, "netquiz-next", Button.class).click();
        answer("1234");
        assertThat(checks).hasSize(2);
        assertThat(checks.getFirst().question()).isZero();
        assertThat(checks.getFirst().answer()).isEqualTo(2_712_913L);
        assertThat(checks.getLast().question()).isEqualTo(1);
        assertThat(checks.getLast().answer()).isEqualTo(1234L);
    }

    @Test
    void an_empty_answer_is_asked_for_again_and_nothing_is_sent() {
        answer("");
        assertThat(checks).isEmpty();
        assertThat(byId(quiz, "netquiz-feedback", Div.class).getText()).isNotEmpty();
    }

    @Test
    void the_right_count_is_marked_right_with_its_explanation() {
        NetworkAnalysis a = new NetworkDesignService(NetworkLimits.defaults(), 10).quizAnalysis(0);   // the answer's data only
        answer(Long.toString(a.trainable()));
        quiz.mark(checks.getFirst().question(), checks.getFirst().answer(), a);
        Div feedback = byId(quiz, "netquiz-feedback", Div.class);
        assertThat(feedback.getText()).startsWith(QuizMarks.RIGHT);
        assertThat(feedback.getElement().getAttribute("data-correct")).isEqualTo("true");
    }
}
