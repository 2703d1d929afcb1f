package org.cnnlab.descent.ui;

import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Locale;
import org.cnnlab.base.ui.Fields;
import org.cnnlab.base.ui.Numbers;
import org.cnnlab.descent.UpdateRule;

/** An optimiser and its learning rate, as one pair of fields (the panels show one or two of them). */
class OptimiserFields extends HorizontalLayout {

    final Select<UpdateRule.Kind> kind = new Select<>();
    final NumberField learningRate;

    OptimiserFields(String idPrefix, String labelKey, UpdateRule.Kind initial, double lr, boolean optional) {
        setPadding(false);
        setAlignItems(Alignment.BASELINE);
        kind.setId(idPrefix + "-optimizer");
        kind.setLabel(getTranslation(labelKey));
        kind.setItems(UpdateRule.Kind.values());
        kind.setEmptySelectionAllowed(optional);
        kind.setEmptySelectionCaption(getTranslation("descent.none"));
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("descent.none") : getTranslation("descent.optimizer." + k.name().toLowerCase(Locale.ROOT)));
        kind.setValue(initial);
        learningRate = Fields.number(idPrefix + "-lr", getTranslation("descent.lr"), lr, "7em");
        add(kind, learningRate);
    }

    String label() {
        return kind.getValue() == null ? "" : getTranslation("descent.optimizer." + kind.getValue().name().toLowerCase(Locale.ROOT))
                + " η=" + (learningRate.getValue() == null ? "" : Numbers.of(this).upTo(learningRate.getValue(), 6));
    }
}
