package org.cnnlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.training.TrainingLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits shown are those given; "apply" fires the values typed, an emptied field as 1. */
class LimitsPanelTest {

    @AfterEach
    void stop() {
        Panels.stop();
    }

    @Test
    void apply_fires_the_values_typed_and_an_empty_field_as_one() {
        Panels.start();
        LimitsPanel panel = new LimitsPanel(new TrainingLimits(1, 3, 20, 256, 60_000, 2_000_000, 600, 10, 120));
        assertThat(Panels.byId(panel, IntegerField.class, "limit-epochs").getValue()).isEqualTo(20);
        List<LimitsPanel.ApplyEvent> applied = new ArrayList<>();
        panel.addApplyListener(applied::add);
        Panels.byId(panel, IntegerField.class, "limit-jobs").setValue(2);
        Panels.byId(panel, IntegerField.class, "limit-epochs").clear();

        Panels.byId(panel, Button.class, "limits-apply").click();

        assertThat(applied).singleElement().satisfies(e -> {
            assertThat(e.jobsPerStudent()).isEqualTo(2);
            assertThat(e.epochs()).isEqualTo(1);
            assertThat(e.samples()).isEqualTo(60_000);
            assertThat(e.parameters()).isEqualTo(2_000_000);
            assertThat(e.wallSeconds()).isEqualTo(600);
        });
    }
}
