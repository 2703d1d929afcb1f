package org.cnnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import java.util.Optional;
import java.util.function.Consumer;
import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.Lesson;
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
    private final PollDialog poll = new PollDialog();
    private Optional<ClassRoom.Membership> membership;
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
        poll.addAnswerListener(e -> Messages.attempt(this, () -> {
            classRoom.answer(student, e.pollId(), e.choice());
            poll.thank();
        }));
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
                    elsewhere(Lesson.Paths.CONVOLUTION, Lesson.Paths.CONVOLUTION, getTranslation("class.kernelReceived", k.label()));
            case ClassEvent.Pushed p when p.students().contains(student) -> {
                switch (p.what()) {
                    case IMAGE -> elsewhere(Lesson.Paths.CONVOLUTION, Lesson.Paths.CONVOLUTION, getTranslation("class.pushed.image", p.label()));
                    case NETWORK -> elsewhere(Lesson.Paths.NETWORK, Lesson.Paths.NETWORK, getTranslation("class.pushed.network", p.label()));
                    case DATASET -> elsewhere(Lesson.Paths.TRAINING, Lesson.Paths.TRAINING + "?dataset=" + p.value(), getTranslation("class.pushed.dataset", p.label()));
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
        poll.show(m.poll());
    }
}
