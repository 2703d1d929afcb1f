package org.cnnlab.inspection.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cnnlab.inspection.ShortcutLab;
import org.cnnlab.testing.Components;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The husky-or-wolf panel holds no service: each train button fires its own variant, and a run in progress frees no second one. */
class ShortcutPanelTest {

    /** Held here: Vaadin keeps the current UI by a weak reference, and a collected one is "no active UI". */
    private final UI ui = new UI();

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ShortcutPanelTest::all));
    }

    @Test
    void each_button_fires_its_variant_and_both_wait_while_a_run_goes_on() {
        ShortcutPanel panel = new ShortcutPanel(List.of(), List.of());
        List<ShortcutLab.Variant> asked = new ArrayList<>();
        panel.addTrainListener(e -> asked.add(e.variant));
        Components.byId(panel, "shortcut-mixed", Button.class).click();
        Components.byId(panel, "shortcut-biased", Button.class).click();
        assertThat(asked).containsExactly(ShortcutLab.Variant.MIXED, ShortcutLab.Variant.BIASED);

        panel.started();
        assertThat(Components.byId(panel, "shortcut-biased", Button.class).isEnabled()).isFalse();
        assertThat(Components.byId(panel, "shortcut-mixed", Button.class).isEnabled()).isFalse();
        panel.evaluated(ShortcutLab.Variant.BIASED, null);   // the evaluation failed: say so, and let the student try again
        assertThat(Components.byId(panel, "shortcut-biased", Button.class).isEnabled()).isTrue();
        assertThat(all(panel).filter(c -> c.getId().equals(Optional.of("shortcut-status"))).findFirst().orElseThrow()
                .getElement().getText()).isNotBlank();
    }

    @Test
    void the_torchscript_panel_offers_no_upload_unless_the_server_allows_it() {
        assertThat(all(new TorchScriptPanel(false, 1_000)).anyMatch(c -> c.getId().equals(Optional.of("torchscript-upload")))).isFalse();
        assertThat(all(new TorchScriptPanel(true, 1_000)).anyMatch(c -> c.getId().equals(Optional.of("torchscript-upload")))).isTrue();
    }
}
