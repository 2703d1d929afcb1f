package org.cnnlab.descent.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.testing.Components.byId;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.descent.FitSettings;
import org.cnnlab.descent.Mlp1D;
import org.cnnlab.descent.Target;
import org.cnnlab.descent.UpdateRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live fit holds no run: "reset" fires the checked settings of each optimiser, and play, pause and step fire as controls. */
class FitPanelTest {
    private final UI ui = new UI();   // held here: the current UI is only weakly referenced, and a collected one is "no UI"
    private final List<FitPanel.RestartEvent> restarts = new ArrayList<>();
    private final List<FitPanel.ControlEvent> controls = new ArrayList<>();
    private final List<FitPanel.SpeedEvent> speeds = new ArrayList<>();
    private FitPanel fit;

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        fit = new FitPanel();
        fit.addRestartListener(restarts::add);
        fit.addControlListener(controls::add);
        fit.addSpeedListener(speeds::add);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private void click(String id) {
        byId(fit, id, Button.class).click();
    }

    @Test
    void reset_fires_the_fields_settings_for_the_one_optimiser() {
        click("fit-reset");
        assertThat(restarts).singleElement().satisfies(e -> {
            assertThat(e.runs()).containsExactly(new FitSettings(Target.SINE, 40, 0.1, 1, 16, 1, Mlp1D.Activation.TANH,
                    UpdateRule.Kind.ADAM, 0.01, 8, 0.9, 0.01));
            assertThat(e.speed()).isEqualTo(5);
        });
    }

    @Test
    void a_second_optimiser_is_a_second_run_on_the_same_data() {
        @SuppressWarnings("unchecked")
        Select<UpdateRule.Kind> second = byId(fit, "fit-b-optimizer", Select.class);
        second.setValue(UpdateRule.Kind.SGD);
        byId(fit, "fit-width", IntegerField.class).setValue(4);
        click("fit-reset");
        assertThat(restarts).singleElement().satisfies(e -> {
            assertThat(e.runs()).hasSize(2);
            assertThat(e.runs().getLast().optimizer()).isEqualTo(UpdateRule.Kind.SGD);
            assertThat(e.runs().getLast().learningRate()).isEqualTo(0.05);
            assertThat(e.runs()).allSatisfy(s -> assertThat(s.width()).isEqualTo(4));
        });
    }

    @Test
    void refused_settings_start_nothing() {
        byId(fit, "fit-points", IntegerField.class).setValue(1);
        click("fit-reset");
        assertThat(restarts).isEmpty();
    }

    @Test
    void play_pause_step_and_the_speed_are_sent_as_they_are_pressed() {
        click("fit-play");
        click("fit-pause");
        click("fit-step");
        byId(fit, "fit-speed", IntegerField.class).setValue(20);
        assertThat(controls).extracting(FitPanel.ControlEvent::control)
                .containsExactly(FitPanel.Control.PLAY, FitPanel.Control.PAUSE, FitPanel.Control.STEP);
        assertThat(speeds).singleElement().satisfies(e -> assertThat(e.speed()).isEqualTo(20));
        assertThat(restarts).isEmpty();
    }
}
