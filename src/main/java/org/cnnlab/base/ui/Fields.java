package org.cnnlab.base.ui;

import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

/**
 * Number fields as every form here makes them, and their values when a student has emptied them:
 * the caller names the stand-in, a value the service then refuses with a translated reason.
 */
public final class Fields {
    private Fields() {
    }

    public static IntegerField integer(String id, String label, Integer value, String width) {
        IntegerField field = new IntegerField(label);
        field.setId(id);
        field.setValue(value);
        field.setWidth(width);
        return field;
    }

    public static NumberField number(String id, String label, Double value, String width) {
        NumberField field = new NumberField(label);
        field.setId(id);
        field.setValue(value);
        field.setWidth(width);
        return field;
    }

    public static int valueOr(IntegerField field, int empty) {
        return field.getValue() == null ? empty : field.getValue();
    }

    public static double valueOr(NumberField field, double empty) {
        return field.getValue() == null ? empty : field.getValue();
    }
}
