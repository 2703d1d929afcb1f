package org.cnnlab.descent.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.testing.Components.byId;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.cnnlab.descent.DescentService;
import org.cnnlab.descent.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The width sweep holds no service: "run" fires the sweep's settings, and the job handed back runs under the panel's controls. */
class WidthPanelTest {
    private final UI ui = new UI();   // held here: the current UI is only weakly referenced, and a collected one is "no UI"
    private final List<WidthPanel.SweepEvent> sweeps = new ArrayList<>();
    private final CompletableFuture<DescentService.Sweep> job = new CompletableFuture<>();
    private WidthPanel panel;

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        panel = new WidthPanel();
        panel.addSweepListener(e -> {
            sweeps.add(e);
            e.start(job);
        });
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    @Test
    void run_fires_the_target_the_widths_and_the_steps_and_the_started_job_can_be_cancelled() {
        byId(panel, "sweep-steps", IntegerField.class).setValue(200);
        byId(panel, "sweep-run", Button.class).click();
        assertThat(sweeps).singleElement().satisfies(e -> {
            assertThat(e.base().target()).isEqualTo(Target.WAVE);
            assertThat(e.widths()).isEqualTo(WidthPanel.WIDTHS);
            assertThat(e.steps()).isEqualTo(200);
        });
        Button cancel = byId(panel, "sweep-cancel", Button.class);
        assertThat(cancel.isVisible()).isTrue();
        assertThat(byId(panel, "sweep-run", Button.class).isEnabled()).isFalse();
        cancel.click();
        assertThat(job).isCancelled();
    }
}
