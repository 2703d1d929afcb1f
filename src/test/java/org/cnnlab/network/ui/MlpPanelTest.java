package org.cnnlab.network.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.testing.Components.byId;
import static org.cnnlab.testing.Components.type;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MLP calculator holds no service: each size the student types fires a comparison of all the sizes as they stand. */
class MlpPanelTest {
    private final UI ui = new UI();   // held here: the current UI is only weakly referenced, and a collected one is "no UI"
    private final List<MlpPanel.CompareEvent> compares = new ArrayList<>();
    private MlpPanel mlp;

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        mlp = new MlpPanel();
        mlp.addCompareListener(compares::add);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    @Test
    void the_first_comparison_is_the_lectures_224_by_224_by_3_image_into_128_neurons() {
        mlp.compare();
        assertThat(compares).singleElement().satisfies(e -> {
            assertThat(new int[] {e.width(), e.height(), e.channels()}).containsExactly(224, 224, 3);
            assertThat(e.neurons()).containsExactly(128, 0);
            assertThat(new int[] {e.filters(), e.kernel()}).containsExactly(128, 3);
        });
    }

    @Test
    void a_typed_size_fires_the_comparison_with_it_and_the_others_as_they_are() {
        type(byId(mlp, "mlp-second", IntegerField.class), 64);
        type(byId(mlp, "mlp-kernel", IntegerField.class), 5);
        assertThat(compares).hasSize(2);
        assertThat(compares.getFirst().neurons()).containsExactly(128, 64);
        assertThat(compares.getFirst().kernel()).isEqualTo(3);
        assertThat(compares.getLast().neurons()).containsExactly(128, 64);
        assertThat(compares.getLast().kernel()).isEqualTo(5);
    }

    @Test
    void a_size_set_by_the_server_fires_nothing() {
        byId(mlp, "mlp-width", IntegerField.class).setValue(32);
        assertThat(compares).isEmpty();
    }

    @Test
    void an_empty_field_is_sent_as_zero_for_the_service_to_refuse() {
        type(byId(mlp, "mlp-channels", IntegerField.class), null);
        assertThat(compares).singleElement().satisfies(e -> assertThat(e.channels()).isZero());
    }
}
