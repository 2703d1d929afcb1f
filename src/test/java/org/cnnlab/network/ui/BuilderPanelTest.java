package org.cnnlab.network.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cnnlab.testing.Components.byId;
import static org.cnnlab.testing.Components.first;
import static org.cnnlab.testing.Components.type;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.base.StudentId;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkDesign;
import org.cnnlab.network.NetworkDesignService;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkPresets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The builder holds no service: each edit fires an event with what the student asked for, and the design it is shown comes back on the page. */
class BuilderPanelTest {
    private final UI ui = new UI();   // held here: the current UI is only weakly referenced, and a collected one is "no UI"
    // only to make the designs the panel is shown; the panel never sees the service
    private final NetworkDesignService designs = new NetworkDesignService(NetworkLimits.defaults(), 10);
    private final StudentId student = StudentId.random();
    private final List<ComponentEvent<?>> events = new ArrayList<>();
    private BuilderPanel builder;

    @BeforeEach
    void aPage() {
        UI.setCurrent(ui);
        builder = new BuilderPanel();
        builder.addInsertLayerListener(events::add);
        builder.addInputListener(events::add);
        builder.addSaveListener(events::add);
        builder.addImportListener(events::add);
        builder.addExportListener(events::add);
    }

    @AfterEach
    void noPage() {
        UI.setCurrent(null);
    }

    @SuppressWarnings("unchecked")
    private Select<String> layerType() {
        return byId(builder, "add-layer-type", Select.class);
    }

    @Test
    void add_layer_fires_the_chosen_types_default_layer_before_the_output_layer() {
        NetworkDesign lenet = designs.usePreset(student, NetworkPresets.LENET5);
        List<LayerSpec> layers = lenet.spec().layers();
        assertThat(layers.getLast()).isInstanceOf(LayerSpec.Dense.class);
        builder.show(lenet);
        layerType().setValue("maxpool");
        byId(builder, "add-layer", Button.class).click();
        assertThat(events).singleElement().isInstanceOfSatisfying(BuilderPanel.InsertLayerEvent.class, e -> {
            assertThat(e.index()).isEqualTo(layers.size() - 1);
            assertThat(e.layer()).isEqualTo(LayerSpec.byDefault("maxpool"));
        });
    }

    @Test
    void add_layer_on_a_design_that_ends_in_an_activation_appends() {
        NetworkDesign lenet = designs.usePreset(student, NetworkPresets.LENET5);
        NetworkDesign withoutOutput = designs.removeLayer(student, lenet.spec().layers().size() - 1);
        assertThat(withoutOutput.spec().layers().getLast()).isInstanceOf(LayerSpec.Activation.class);
        builder.show(withoutOutput);
        byId(builder, "add-layer", Button.class).click();
        assertThat(events).singleElement().isInstanceOfSatisfying(BuilderPanel.InsertLayerEvent.class, e -> {
            assertThat(e.index()).isEqualTo(withoutOutput.spec().layers().size());
            assertThat(e.layer()).isEqualTo(LayerSpec.byDefault("conv2d"));
        });
    }

    @Test
    void a_typed_input_side_fires_the_whole_shape_and_a_shown_design_fills_the_fields() {
        builder.show(designs.usePreset(student, NetworkPresets.TINY_VGG));
        assertThat(byId(builder, "input-height", IntegerField.class).getValue()).isEqualTo(64);
        type(byId(builder, "input-height", IntegerField.class), 32);
        assertThat(events).singleElement().isInstanceOfSatisfying(BuilderPanel.InputEvent.class, e -> {
            assertThat(e.channels()).isEqualTo(3);
            assertThat(e.height()).isEqualTo(32);
            assertThat(e.width()).isEqualTo(64);
        });
    }

    @Test
    void save_fires_the_name_as_typed() {
        builder.show(designs.current(student));
        byId(builder, "save-name", TextField.class).setValue("mi red");
        byId(builder, "save-design", Button.class).click();
        assertThat(events).singleElement().isInstanceOfSatisfying(BuilderPanel.SaveEvent.class, e -> assertThat(e.name()).isEqualTo("mi red"));
    }

    @Test
    void import_fires_the_pasted_json_and_export_asks_for_it() {
        builder.show(designs.current(student));
        first(builder, TabSheet.class).setSelectedIndex(2);   // the JSON tab, as the student opens it (the others' buttons are disabled)
        TextArea json = byId(builder, "design-json", TextArea.class);
        json.setValue("{\"layers\": []}");
        byId(builder, "import-json", Button.class).click();
        byId(builder, "export-json", Button.class).click();
        assertThat(events).hasSize(2);
        assertThat(events.getFirst()).isInstanceOfSatisfying(BuilderPanel.ImportEvent.class, e -> assertThat(e.json()).isEqualTo("{\"layers\": []}"));
        assertThat(events.getLast()).isInstanceOf(BuilderPanel.ExportEvent.class);
        builder.showJson("{\"exported\": true}");
        assertThat(json.getValue()).isEqualTo("{\"exported\": true}");
    }
}
