package org.cnnlab.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TfjsGraphModelTest {

    private static final String JSON = """
            {"format": "graph-model",
             "modelTopology": {"node": [
               {"name": "x", "op": "Placeholder", "attr": {}},
               {"name": "w", "op": "Const", "attr": {}},
               {"name": "perm", "op": "Const", "attr": {}},
               {"name": "t", "op": "Transpose", "input": ["x", "perm", "^w"], "attr": {}}]},
             "signature": {"inputs": {"x:0": {"name": "x:0", "tensorShape": {"dim": [{"size": "1"}, {"size": "2"}]}}},
                           "outputs": {"t:0": {"name": "t:0", "tensorShape": {"dim": [{"size": "2"}, {"size": "1"}]}}}},
             "weightsManifest": [{"paths": ["m.bin"], "weights": [
               {"name": "w", "shape": [3], "dtype": "float32", "quantization": {"dtype": "float16", "original_dtype": "float32"}},
               {"name": "perm", "shape": [2], "dtype": "int32"}]}]}
            """;

    private static byte[] weights(int extra) {
        ByteBuffer b = ByteBuffer.allocate(3 * 2 + 2 * 4 + extra).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3800);   // 1, −2, 0.5 in IEEE half precision
        b.putInt(1).putInt(0);
        return b.array();
    }

    @Test
    void float16_weights_are_decoded_and_int32_constants_kept_in_manifest_order() {
        TfjsGraphModel model = TfjsGraphModel.parse(JSON.getBytes(StandardCharsets.UTF_8), weights(0));
        assertThat(model.floats().get("w").floats()).containsExactly(1f, -2f, 0.5f);
        assertThat(model.ints().get("perm").longs()).containsExactly(1L, 0L);
        assertThat(model.nodes()).hasSize(4);
        assertThat(model.nodes().get(3).inputs()).as("control inputs dropped").containsExactly("x", "perm");
        assertThat(model.inputs().get("x")).containsExactly(1L, 2L);
        assertThat(model.outputs()).containsOnlyKeys("t");
    }

    @Test
    void a_weights_file_longer_than_its_manifest_is_refused() {
        assertThatThrownBy(() -> TfjsGraphModel.parse(JSON.getBytes(StandardCharsets.UTF_8), weights(4)))
                .hasMessageContaining("left over");
    }

    @Test
    void halving_with_half_pixel_centres_averages_each_pair() {
        float[] m = TfOps.interpolation(4, 2, false, true);   // (in 4 × out 2)
        assertThat(m).containsExactly(0.5f, 0f, 0.5f, 0f, 0f, 0.5f, 0f, 0.5f);
    }

    @Test
    void doubling_with_half_pixel_centres_mixes_neighbours_three_to_one_and_clamps_at_the_edges() {
        float[] m = TfOps.interpolation(2, 4, false, true);   // (in 2 × out 4)
        assertThat(m).containsExactly(1f, 0.75f, 0.25f, 0f, 0f, 0.25f, 0.75f, 1f);
    }

    @Test
    void a_tensorflow_filter_becomes_pytorchs_out_in_height_width() {
        // HWIO (1, 2, 1, 2): w[0][v][0][o] = 10·v + o
        TfjsGraphModel.Tensor hwio = new TfjsGraphModel.Tensor(new long[] {1, 2, 1, 2}, new float[] {0, 1, 10, 11}, null);
        assertThat(TfOps.oihw(hwio)).containsExactly(0f, 10f, 1f, 11f);
    }
}
