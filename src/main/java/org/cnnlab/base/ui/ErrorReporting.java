package org.cnnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * The last line of defence: anything a view did not expect is logged for the instructor and shown
 * to the student as one translated sentence, never as a stack trace. Expected bad input never gets
 * here: services refuse it with an InvalidInputException that the view turns into a message.
 */
@Component
public class ErrorReporting implements VaadinServiceInitListener {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporting.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            boolean database = databaseAway(error.getThrowable());
            if (database) LOG.warn("A student's action needed the database, which does not answer: {}", error.getThrowable().toString());
            else LOG.error("Unexpected error in a student's session", error.getThrowable());
            UI ui = UI.getCurrent();
            if (ui != null) {
                Notification n = Notification.show(ui.getTranslation(database ? "app.error.database" : "app.error.unexpected"), 6000,
                        Notification.Position.TOP_CENTER);
                n.addThemeVariants(NotificationVariant.ERROR);
                n.setId("error-notification");
            }
        }));
    }

    /** The database is away (restarting): nothing was saved, and the student should try again shortly. */
    private static boolean databaseAway(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DataAccessResourceFailureException
                    || c instanceof CannotGetJdbcConnectionException
                    || c instanceof TransientDataAccessException
                    || c instanceof SQLTransientConnectionException) return true;
        }
        return false;
    }
}
