package org.cnnlab.base.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.cnnlab.base.ClassRoom;

/**
 * The instructor's open poll as a student answers it: a draggable, non-modal dialog with the question's
 * options. It holds no service: "answer" fires an {@link AnswerEvent}, and whoever sent it says
 * {@link #thank()} once the answer is stored.
 */
public class PollDialog extends Dialog {
    /** The student chose option {@code choice} (an index into the poll's options) of poll {@code pollId}. */
    public static class AnswerEvent extends ComponentEvent<PollDialog> {
        private final long pollId;
        private final int choice;

        public AnswerEvent(PollDialog source, long pollId, int choice) {
            super(source, false);
            this.pollId = pollId;
            this.choice = choice;
        }

        public long pollId() {
            return pollId;
        }

        public int choice() {
            return choice;
        }
    }

    private final Div thanks = new Div();
    private long shown = -1;

    public PollDialog() {
        setModal(false);
        setDraggable(true);
        setId("class-poll");
        thanks.setId("poll-thanks");
    }

    public Registration addAnswerListener(ComponentEventListener<AnswerEvent> listener) {
        return addListener(AnswerEvent.class, listener);
    }

    /** Shows the open poll (kept as it is if it is already open, so a half-made choice survives a refresh), or closes it. */
    public void show(Optional<ClassRoom.Poll> open) {
        if (open.isEmpty()) {
            close();
            shown = -1;
            return;
        }
        ClassRoom.Poll p = open.get();
        if (p.id() == shown && isOpened()) return;
        shown = p.id();
        removeAll();
        thanks.setText("");
        setHeaderTitle(getTranslation("class.poll.title"));
        RadioButtonGroup<Integer> choices = new RadioButtonGroup<>();
        choices.setLabel(p.question());
        choices.setItems(IntStream.range(0, p.options().size()).boxed().toList());
        choices.setItemLabelGenerator(i -> p.options().get(i));
        choices.setId("poll-choices");
        if (p.myAnswer() != null) choices.setValue(p.myAnswer());
        Button send = new Button(getTranslation("class.poll.answer"), e -> {
            if (choices.getValue() == null) thanks.setText(getTranslation("class.poll.choose"));
            else fireEvent(new AnswerEvent(this, p.id(), choices.getValue()));
        });
        send.setId("poll-answer");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        add(choices, send, thanks);
        open();
    }

    /** The answer was stored. */
    public void thank() {
        thanks.setText(getTranslation("class.poll.thanks"));
    }
}
