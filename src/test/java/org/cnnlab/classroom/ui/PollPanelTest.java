package org.cnnlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.classroom.Polls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** "Open" fires the typed question with its options, one a line; each open poll's "close" fires its own id. */
class PollPanelTest {
    private final PollPanel panel = newPanel();

    private static PollPanel newPanel() {
        Panels.start();
        return new PollPanel();
    }

    @AfterEach
    void stop() {
        Panels.stop();
    }

    @Test
    void open_fires_the_question_and_its_options_one_a_line() {
        List<PollPanel.OpenEvent> opened = new ArrayList<>();
        panel.addOpenListener(opened::add);
        Panels.byId(panel, TextField.class, "poll-question").setValue("¿Cuántos parámetros tiene un filtro 3×3?");
        Panels.byId(panel, TextArea.class, "poll-options").setValue("1\n4\n9");

        Panels.byId(panel, Button.class, "poll-open").click();

        assertThat(opened).singleElement().satisfies(e -> {
            assertThat(e.question()).isEqualTo("¿Cuántos parámetros tiene un filtro 3×3?");
            assertThat(e.options()).containsExactly("1", "4", "9");
        });
    }

    @Test
    void close_fires_the_id_of_its_poll_and_a_closed_poll_has_none() {
        List<Long> closed = new ArrayList<>();
        panel.addCloseListener(e -> closed.add(e.pollId()));
        panel.show(List.of(new Polls.PollResult(8, "¿Qué detecta Sobel?", List.of("bordes", "color"), new int[] {2, 1}, true),
                new Polls.PollResult(7, "¿Padding?", List.of("sí", "no"), new int[] {0, 3}, false),
                new Polls.PollResult(5, "¿Stride 2?", List.of("a", "b"), new int[] {1, 1}, true)));

        List<Div> shown = Panels.all(panel, Div.class, d -> d.hasClassName("poll-result"));
        assertThat(shown).hasSize(3);
        assertThat(shown.get(0).getElement().getTextRecursively()).contains("bordes: 2").contains("color: 1");
        assertThat(Panels.all(shown.get(1), Button.class, b -> b.hasClassName("poll-close"))).isEmpty();
        Panels.button(shown.get(2), "poll-close").click();
        Panels.button(shown.get(0), "poll-close").click();

        assertThat(closed).containsExactly(5L, 8L);
    }
}
