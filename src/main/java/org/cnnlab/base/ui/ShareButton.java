package org.cnnlab.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import java.util.function.Supplier;
import org.cnnlab.base.ClassRoom;
import org.cnnlab.base.StudentId;

/** "Share with the class": sends a result to the class gallery. Shown only to a student in a class session. */
public class ShareButton extends Button {

    /** Disabled until there is something to share (e.g. a run that finished). */
    public static ShareButton disabled(ClassRoom classRoom, StudentId student, Supplier<ClassRoom.Submission> submission) {
        ShareButton button = new ShareButton(classRoom, student, submission);
        button.setEnabled(false);
        return button;
    }

    public ShareButton(ClassRoom classRoom, StudentId student, Supplier<ClassRoom.Submission> submission) {
        setText(getTranslation("class.share"));
        setIcon(VaadinIcon.SHARE.create());
        addClassName("share-button");
        setVisible(classRoom.membership(student).filter(ClassRoom.Membership::approved).isPresent());
        addClickListener(e -> Messages.attempt(this, () -> {
            classRoom.submit(student, submission.get());
            Notification.show(getTranslation("class.shared"), 3000, Notification.Position.BOTTOM_START).setId("shared-notification");
        }));
    }
}
