package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.cnnlab.base.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NetworkJsonTest {

    private static final int LIMIT = 256 * 1024;

    private static String keyOf(String json) {
        try {
            NetworkJson.read(json, LIMIT);
        } catch (InvalidInputException e) {
            return e.messageKey();
        }
        return null;
    }

    @ParameterizedTest
    @EnumSource(NetworkPresets.class)
    void every_preset_survives_a_round_trip(NetworkPresets preset) {
        NetworkSpec spec = preset.spec();
        assertThat(NetworkJson.read(NetworkJson.write(spec), LIMIT)).isEqualTo(spec);
    }

    @Test
    void random_designs_survive_a_round_trip() {
        for (NetworkSpec spec : RandomSpecs.valid(99L, 50)) {
            assertThat(NetworkJson.read(NetworkJson.write(spec), LIMIT)).isEqualTo(spec);
        }
    }

    @Test
    void a_hand_written_design_reads_with_defaults_for_stride_padding_and_dilation() {
        String json = """
                {"format": "cnnlab-network", "version": 1, "input": {"channels": 1, "height": 28, "width": 28},
                 "layers": [{"type": "conv2d", "filters": 4, "kernel": 3}, {"type": "relu"}, {"type": "flatten"},
                            {"type": "dense", "units": 10}]}""";
        NetworkSpec spec = NetworkJson.read(json, LIMIT);
        assertThat(spec.layers().getFirst()).isEqualTo(new LayerSpec.Conv2d(4, 3, 1, 0, 1));
        assertThat(spec.layers()).hasSize(4);
    }

    @Test
    void bad_imports_get_their_own_reasons() {
        assertThat(keyOf("")).isEqualTo("network.json.empty");
        assertThat(keyOf("{not json")).isEqualTo("network.json.malformed");
        assertThat(keyOf("[1, 2, 3]")).isEqualTo("network.json.notOurs");
        assertThat(keyOf("{\"format\": \"keras\", \"version\": 1}")).isEqualTo("network.json.notOurs");
        assertThat(keyOf("{\"format\": \"cnnlab-network\", \"version\": 7, \"input\": {}, \"layers\": []}")).isEqualTo("network.error.version");
        assertThat(keyOf("{\"format\": \"cnnlab-network\", \"version\": 1, \"input\": {\"channels\": 1, \"height\": 8, \"width\": 8},"
                + " \"layers\": [{\"type\": \"transformer\"}]}")).isEqualTo("network.json.unknownLayer");
        String huge = "{\"format\": \"cnnlab-network\", \"pad\": \"" + "x".repeat(LIMIT) + "\"}";
        assertThat(keyOf(huge)).isEqualTo("network.json.tooLarge");
    }

    @Test
    void non_integer_sizes_become_values_the_shape_checks_refuse() {
        String json = "{\"format\": \"cnnlab-network\", \"version\": 1, \"input\": {\"channels\": 1, \"height\": 8, \"width\": 8},"
                + " \"layers\": [{\"type\": \"conv2d\", \"filters\": 2.5, \"kernel\": 3}]}";
        NetworkSpec spec = NetworkJson.read(json, LIMIT);
        NetworkAnalysis a = new ShapeInference(NetworkLimits.defaults()).analyse(spec);
        assertThat(a.layers().getFirst().errorKey()).isEqualTo("network.error.width");
    }

    @Test
    void a_thousand_layers_import_but_are_refused_as_a_whole_by_the_analysis() {
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < 1000; i++) layers.append(i == 0 ? "" : ",").append("{\"type\": \"relu\"}");
        String json = "{\"format\": \"cnnlab-network\", \"version\": 1, \"input\": {\"channels\": 1, \"height\": 8, \"width\": 8},"
                + " \"layers\": [" + layers + "]}";
        NetworkSpec spec = NetworkJson.read(json, LIMIT);
        assertThatThrownBy(() -> new ShapeInference(NetworkLimits.defaults()).analyse(spec))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("network.error.tooManyLayers");
    }
}
