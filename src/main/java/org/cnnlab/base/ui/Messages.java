package org.cnnlab.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.concurrent.CompletionException;
import org.cnnlab.base.InvalidInputException;
import org.slf4j.LoggerFactory;

/** Tells the student, in their language, why their input was refused. */
public final class Messages {
    private Messages() {
    }

    public static String text(Component owner, InvalidInputException e) {
        return owner.getTranslation(e.messageKey(), e.args());
    }

    /** Runs an action of the student's; a refusal becomes the translated message, and nothing else happens. */
    public static void attempt(Component owner, Runnable action) {
        try {
            action.run();
        } catch (InvalidInputException e) {
            error(owner, e);
        }
    }

    /**
     * How background work (a future) failed, for the student: a refusal as its translated message,
     * anything else logged with its stack trace and shown as the generic "something went wrong".
     */
    public static Notification failure(Component owner, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InvalidInputException invalid) return error(owner, invalid);
        LoggerFactory.getLogger(Messages.class).error("background work failed", cause);
        return error(owner, new InvalidInputException("app.error.unexpected"));
    }

    public static Notification error(Component owner, InvalidInputException e) {
        Notification n = Notification.show(text(owner, e), 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.ERROR);
        n.setId("error-notification");
        return n;
    }
}
