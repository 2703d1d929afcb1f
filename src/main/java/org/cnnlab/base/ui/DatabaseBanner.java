package org.cnnlab.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import org.cnnlab.base.DatabaseStatus;

/** A line at the top of every page while this node cannot reach its database (see {@link DatabaseStatus}). */
class DatabaseBanner extends Div {
    private final DatabaseStatus status;
    private Runnable unsubscribe;

    DatabaseBanner(DatabaseStatus status) {
        this.status = status;
        setId("database-reconnecting");
        addClassName("database-banner");
        getElement().setAttribute("role", "status");
        setVisible(!status.reachable());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        setText(getTranslation("app.database.reconnecting"));
        setVisible(!status.reachable());
        UI ui = event.getUI();
        unsubscribe = status.subscribe(reachable -> ui.access(() -> setVisible(!reachable)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (unsubscribe != null) unsubscribe.run();
        super.onDetach(event);
    }
}
