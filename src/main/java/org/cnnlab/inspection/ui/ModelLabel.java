package org.cnnlab.inspection.ui;

import com.vaadin.flow.component.Component;
import org.cnnlab.base.ui.FriendlyNames;
import org.cnnlab.inspection.InspectionLab;

/** A model in the inspection page's picker as the student reads it: the network and the data set by their translated names, not their ids. */
final class ModelLabel {
    private ModelLabel() {
    }

    static String of(Component page, InspectionLab.Name name) {
        StringBuilder text = new StringBuilder(name.lead());
        if (name.network() != null) text.append(" · ").append(FriendlyNames.network(page, name.network()));
        if (name.dataset() != null) text.append(" · ").append(FriendlyNames.dataset(page, name.dataset()));
        return text.toString();
    }
}
