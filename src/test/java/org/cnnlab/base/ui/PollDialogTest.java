package org.cnnlab.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cnnlab.base.ClassRoom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The student's poll dialog holds no service: answering fires the poll's id and the chosen option's index, and nothing without a choice. */
class PollDialogTest {
    private final List<PollDialog.AnswerEvent> answers = new ArrayList<>();
    private final PollDialog dialog = new PollDialog();
    /** Held here: Vaadin keeps the current UI by a weak reference, and a collected one is "no active UI". */
    private final UI ui = new UI();

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        dialog.addAnswerListener(answers::add);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private static ClassRoom.Poll poll(long id) {
        return new ClassRoom.Poll(id, "¿Qué hace el pooling?", List.of("reduce", "aprende", "suma"), null);
    }

    @SuppressWarnings("unchecked")
    private RadioButtonGroup<Integer> choices() {
        return (RadioButtonGroup<Integer>) child("poll-choices");
    }

    private Component child(String id) {
        return dialog.getChildren().filter(c -> c.getId().orElse("").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void answering_fires_the_polls_id_and_the_chosen_option() {
        dialog.show(Optional.of(poll(7)));
        assertThat(dialog.isOpened()).isTrue();
        choices().setValue(2);
        ((Button) child("poll-answer")).click();
        assertThat(answers).singleElement().satisfies(a -> {
            assertThat(a.pollId()).isEqualTo(7);
            assertThat(a.choice()).isEqualTo(2);
        });
    }

    @Test
    void without_a_choice_nothing_is_sent_and_the_student_is_asked_to_choose() {
        dialog.show(Optional.of(poll(7)));
        ((Button) child("poll-answer")).click();
        assertThat(answers).isEmpty();
        assertThat(child("poll-thanks").getElement().getText()).isNotEmpty();
    }

    @Test
    void the_same_poll_shown_again_keeps_a_half_made_choice_and_a_closed_poll_closes() {
        dialog.show(Optional.of(poll(7)));
        choices().setValue(1);
        dialog.show(Optional.of(poll(7)));
        assertThat(choices().getValue()).isEqualTo(1);
        dialog.show(Optional.of(poll(8)));
        assertThat(choices().getValue()).isNull();
        dialog.show(Optional.empty());
        assertThat(dialog.isOpened()).isFalse();
    }
}
