package org.cnnlab.representation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.testing.Components.byId;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cnnlab.representation.ClassicPipeline;
import org.cnnlab.representation.features.HandFeature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The classic pipeline holds no service: it offers the data sets it is given, and "run" fires the chosen one and features. */
class ClassicPipelinePanelTest {
    private final UI ui = new UI();   // held here: the current UI is only weakly referenced, and a collected one is "no UI"
    private final List<ClassicPipelinePanel.RunEvent> runs = new ArrayList<>();
    private ClassicPipelinePanel panel;

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        panel = new ClassicPipelinePanel(List.of("shapes-easy", "mnist"), "mnist");
        panel.addRunListener(runs::add);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    @Test
    void run_fires_the_data_set_given_as_the_default_and_every_feature() {
        byId(panel, "classic-run", Button.class).click();
        assertThat(runs).singleElement().satisfies(e -> {
            assertThat(e.dataset()).isEqualTo("mnist");
            assertThat(e.perClass()).isEqualTo(ClassicPipeline.DEFAULT_PER_CLASS);
            assertThat(e.features()).isEqualTo(HandFeature.ALL);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_feature_left_out_is_not_sent_and_the_rest_keep_their_order() {
        byId(panel, "classic-dataset", Select.class).setValue("shapes-easy");
        CheckboxGroup<HandFeature> features = byId(panel, "classic-features", CheckboxGroup.class);
        Set<HandFeature> chosen = new HashSet<>(HandFeature.ALL);
        HandFeature dropped = HandFeature.ALL.getFirst();
        chosen.remove(dropped);
        features.setValue(chosen);
        byId(panel, "classic-run", Button.class).click();
        assertThat(runs).singleElement().satisfies(e -> {
            assertThat(e.dataset()).isEqualTo("shapes-easy");
            assertThat(e.features()).isEqualTo(HandFeature.ALL.subList(1, HandFeature.ALL.size()));
        });
    }
}
