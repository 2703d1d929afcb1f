package org.cnnlab.representation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.testing.Components.byId;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.representation.Feature;
import org.cnnlab.representation.PointSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The change of representation holds no service: a fit fires the points asked for and φ, and the panel shows what it is told. */
class ChangeOfRepresentationPanelTest {
    private final UI ui = new UI();   // held here: the current UI is only weakly referenced, and a collected one is "no UI"
    private final List<ChangeOfRepresentationPanel.FitEvent> fits = new ArrayList<>();
    private ChangeOfRepresentationPanel panel;

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        panel = new ChangeOfRepresentationPanel();
        panel.addFitListener(fits::add);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    private void click(String id) {
        byId(panel, id, Button.class).click();
    }

    @Test
    void a_line_on_polar_coordinates_fires_r_and_theta_with_the_points_asked_for() {
        click("repr-preset-polar");
        byId(panel, "repr-points", IntegerField.class).setValue(300);
        byId(panel, "repr-seed", IntegerField.class).setValue(7);
        click("repr-fit-linear");
        assertThat(fits).singleElement().satisfies(e -> {
            assertThat(e.mlp()).isFalse();
            assertThat(e.kind()).isEqualTo(PointSet.Kind.RINGS);
            assertThat(e.points()).isEqualTo(300);
            assertThat(e.noise()).isEqualTo(0.05);
            assertThat(e.seed()).isEqualTo(7);
            assertThat(e.phi()).containsExactly(Feature.R, Feature.THETA);
        });
    }

    @Test
    void the_mlp_button_fires_a_fit_of_the_mlp() {
        click("repr-fit-mlp");
        assertThat(fits).singleElement().satisfies(e -> assertThat(e.mlp()).isTrue());
    }

    @Test
    void a_clamped_set_is_stated_and_the_bar_shows_until_the_fit_ends() {
        panel.started(10_000_000, 20_000);
        assertThat(byId(panel, "repr-clamp", Span.class).getText()).isNotEmpty();
        ProgressBar bar = byId(panel, "repr-progress", ProgressBar.class);
        assertThat(bar.isVisible()).isTrue();
        panel.finished(false, null, new IllegalStateException("lost"));
        assertThat(bar.isVisible()).isFalse();
    }
}
