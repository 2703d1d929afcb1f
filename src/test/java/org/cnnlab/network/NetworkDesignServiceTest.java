package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.StudentId;
import org.junit.jupiter.api.Test;

class NetworkDesignServiceTest {

    private final NetworkDesignService designs = new NetworkDesignService(NetworkLimits.defaults(), 100);

    @Test
    void a_new_layer_goes_after_the_selected_one_or_before_the_output_layer_not_after_it() {
        StudentId ana = StudentId.random();
        List<LayerSpec> start = designs.current(ana).spec().layers();
        assertThat(start.getLast()).as("the starting design ends in its classifier").isInstanceOf(LayerSpec.Dense.class);
        int at = LayerSpec.placeFor(start, -1);
        assertThat(at).isEqualTo(start.size() - 1);
        List<LayerSpec> after = designs.insertLayer(ana, at, new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU)).spec().layers();
        assertThat(after).hasSize(start.size() + 1);
        assertThat(after.get(at)).isEqualTo(new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU));
        assertThat(after.getLast()).isEqualTo(start.getLast());
        assertThat(LayerSpec.placeFor(after, 0)).as("after the selected layer").isEqualTo(1);
        assertThat(LayerSpec.placeFor(List.of(), -1)).isZero();
        assertThat(LayerSpec.placeFor(List.of(new LayerSpec.Flatten()), -1)).as("no classifier yet: at the end").isEqualTo(1);
    }

    @Test
    void a_refused_import_keeps_the_design() {
        StudentId ana = StudentId.random();
        NetworkDesign before = designs.usePreset(ana, NetworkPresets.LENET5);
        assertThatThrownBy(() -> designs.importJson(ana, "{broken")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> designs.changeInput(ana, 3, 100_000, 8)).isInstanceOf(InvalidInputException.class);
        assertThat(designs.current(ana).spec()).isEqualTo(before.spec());
    }

    @Test
    void an_impossible_layer_is_kept_and_reported() {
        StudentId ana = StudentId.random();
        designs.usePreset(ana, NetworkPresets.LENET5);
        NetworkDesign d = designs.replaceLayer(ana, 0, new LayerSpec.Conv2d(6, 17, 1, 0, 2)); // spans 33 > 32
        assertThat(d.spec().layers().getFirst()).isEqualTo(new LayerSpec.Conv2d(6, 17, 1, 0, 2));
        assertThat(d.analysis().layers().getFirst().errorKey()).isEqualTo("network.error.kernelTooLarge");
        assertThat(d.pytorch()).isEmpty();
    }

    @Test
    void layers_move_and_stay_put_at_the_ends() {
        StudentId ana = StudentId.random();
        designs.usePreset(ana, NetworkPresets.LECTURE_MLP);   // flatten, dense
        NetworkDesign moved = designs.moveLayer(ana, 1, -1);
        assertThat(moved.spec().layers().getFirst()).isInstanceOf(LayerSpec.Dense.class);
        assertThat(designs.moveLayer(ana, 0, -1).spec()).isEqualTo(moved.spec());
        assertThat(designs.removeLayer(ana, 7).spec()).isEqualTo(moved.spec());
    }

    @Test
    void saved_designs_are_per_student_and_come_back() {
        StudentId ana = StudentId.random();
        StudentId ben = StudentId.random();
        designs.usePreset(ana, NetworkPresets.TINY_VGG);
        assertThat(designs.save(ana, "  mi red ").saved()).containsExactly("mi red");
        designs.usePreset(ana, NetworkPresets.LENET5);
        assertThat(designs.loadSaved(ana, "mi red").spec()).isEqualTo(NetworkPresets.TINY_VGG.spec());
        assertThat(designs.current(ben).saved()).isEmpty();
        assertThatThrownBy(() -> designs.loadSaved(ben, "mi red")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> designs.save(ana, " ")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void export_then_import_gives_the_same_design() {
        StudentId ana = StudentId.random();
        designs.usePreset(ana, NetworkPresets.VGG16);
        String json = designs.exportJson(ana);
        StudentId ben = StudentId.random();
        assertThat(designs.importJson(ben, json).spec()).isEqualTo(NetworkPresets.VGG16.spec());
    }
}
