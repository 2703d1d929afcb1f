package org.cnnlab.network;

import org.cnnlab.base.ClassEvent;
import org.cnnlab.base.ClassEvents;
import org.springframework.stereotype.Component;

/** A network the instructor pushes becomes each student's design in the builder (their saved designs stay). */
@Component
public class ClassNetworks {

    public ClassNetworks(ClassEvents events, NetworkDesignService designs) {
        events.subscribe(event -> {
            if (event instanceof ClassEvent.Pushed p && p.what() == ClassEvent.Pushed.What.NETWORK) {
                NetworkPresets preset = NetworkPresets.valueOf(p.value());
                p.students().forEach(student -> designs.usePreset(student, preset));
            }
        });
    }
}
