package org.cnnlab.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.cnnlab.base.ClientAddresses;
import org.cnnlab.base.StudentId;
import org.springframework.stereotype.Component;

/**
 * Tells {@link ClientAddresses} where each student's pages come from: the address of the browser
 * session ({@code WebBrowser.getAddress()}, the request's remote address, which Tomcat's RemoteIpValve
 * has already set from {@code X-Forwarded-For} when the connection comes from a trusted proxy). Again
 * at every navigation: the student behind a session changes when they join a class or are removed.
 */
@Component
public class ClientAddressRecorder implements VaadinServiceInitListener {
    private final ClientAddresses addresses;

    public ClientAddressRecorder(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            record(ui.getSession());
            ui.addBeforeEnterListener(enter -> record(ui.getSession()));
        });
    }

    private void record(VaadinSession session) {
        if (session == null || session.getBrowser() == null) return;
        StudentId student = CurrentStudent.of(session);
        addresses.record(student != null ? student : CurrentStudent.id(), session.getBrowser().getAddress());
    }
}
