package org.cnnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;

/**
 * The class as a student's page shows it: the class and nickname in the header, and what the
 * instructor pushes — a pause (a modal dialog: the page behind it takes no input), a poll, a kernel
 * (a link to the playground), a removal. A student outside any class sees nothing of it.
 */
public class ClassBar extends Span {
    private final ClassRoom classRoom;
    private final StudentId student;
    private final Dialog pause = new Dialog();
    private final Paragraph pauseText = new Paragraph();
    private final Dialog poll = new Dialog();
    private Optional<ClassRoom.Membership> membership;
    private long shownPoll = -1;
    private Consumer<Optional<ClassRoom.Membership>> onChange = m -> { };

    public ClassBar(ClassRoom classRoom, ClassEvents events, StudentId student) {
        this.classRoom = classRoom;
        this.student = student;
        this.membership = classRoom.membership(student);
        addClassName("class-bar");
        setId("class-bar");
        pause.setModal(true);
        pause.setCloseOnEsc(false);
        pause.setCloseOnOutsideClick(false);
        pause.setHeaderTitle(getTranslation("class.paused.title"));
        pause.add(pauseText);
        pause.setId("class-paused");
        poll.setModal(false);
        poll.setDraggable(true);
        poll.setId("class-poll");
        refresh();
        ClassListener.attach(this, events, this::hear);
    }

    public Optional<ClassRoom.Membership> membership() {
        return membership;
    }

    /** Called whenever the membership changes (pacing, a pause, a rename), after the bar shows it. */
    public void onChange(Consumer<Optional<ClassRoom.Membership>> listener) {
        this.onChange = listener;
        listener.accept(membership);
    }

    private void hear(ClassEvent event) {
        if (membership.isEmpty() || membership.get().classId() != event.classId()) return;
        switch (event) {
            case ClassEvent.MemberChanged m when m.student().equals(student) && m.removed() -> UI.getCurrent().getPage().reload();
            case ClassEvent.KernelPushed k when k.students().contains(student) ->
                    elsewhere("convolucion", "convolucion", getTranslation("class.kernelReceived", k.label()));
            case ClassEvent.Pushed p when p.students().contains(student) -> {
                switch (p.what()) {
                    case IMAGE -> elsewhere("convolucion", "convolucion", getTranslation("class.pushed.image", p.label()));
                    case NETWORK -> elsewhere("red", "red", getTranslation("class.pushed.network", p.label()));
                    case DATASET -> elsewhere("entrenar", "entrenar?dataset=" + p.value(), getTranslation("class.pushed.dataset", p.label()));
                }
            }
            case ClassEvent.DashboardChanged d -> { }
            default -> {
                membership = classRoom.membership(student);
                refresh();
                onChange.accept(membership);
            }
        }
    }

    /** Something pushed for another page: say so here, with a link there (that page itself shows it). */
    private void elsewhere(String page, String link, String text) {
        if (UI.getCurrent().getInternals().getActiveViewLocation().getFirstSegment().equals(page)) return;
        Notification n = new Notification();
        n.add(new Span(text + " "), new Anchor(link, getTranslation("class.open")));
        n.setDuration(8000);
        n.open();
    }

    private void refresh() {
        removeAll();
        if (membership.isEmpty()) {
            pause.close();
            poll.close();
            return;
        }
        ClassRoom.Membership m = membership.get();
        add(new Span(getTranslation("class.bar", m.className(), m.nickname())));
        if (!m.approved()) {
            pauseText.setText(getTranslation("class.waitingApproval"));
            pause.open();
        } else if (m.paused()) {
            pauseText.setText(m.pauseMessage() == null ? getTranslation("class.paused.default") : m.pauseMessage());
            pause.open();
        } else {
            pause.close();
        }
        showPoll(m.poll());
    }

    private void showPoll(Optional<ClassRoom.Poll> open) {
        if (open.isEmpty()) {
            poll.close();
            shownPoll = -1;
            return;
        }
        ClassRoom.Poll p = open.get();
        if (p.id() == shownPoll && poll.isOpened()) return;
        shownPoll = p.id();
        poll.removeAll();
        poll.setHeaderTitle(getTranslation("class.poll.title"));
        RadioButtonGroup<Integer> choices = new RadioButtonGroup<>();
        choices.setLabel(p.question());
        choices.setItems(IntStream.range(0, p.options().size()).boxed().toList());
        choices.setItemLabelGenerator(i -> p.options().get(i));
        choices.setId("poll-choices");
        if (p.myAnswer() != null) choices.setValue(p.myAnswer());
        Div thanks = new Div();
        thanks.setId("poll-thanks");
        Button send = new Button(getTranslation("class.poll.answer"), e -> {
            if (choices.getValue() == null) {
                thanks.setText(getTranslation("class.poll.choose"));
                return;
            }
            Messages.attempt(this, () -> {
                classRoom.answer(student, p.id(), choices.getValue());
                thanks.setText(getTranslation("class.poll.thanks"));
            });
        });
        send.setId("poll-answer");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        poll.add(choices, send, thanks);
        poll.open();
    }
}
