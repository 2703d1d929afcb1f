package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BilinearTest {

    @Test
    void doubling_a_two_by_two_map_matches_pytorchs_interpolate_without_aligned_corners() {
        // torch.nn.functional.interpolate(torch.tensor([[[[0., 1.], [2., 3.]]]]), size=4, mode="bilinear", align_corners=False)
        float[] expected = {0, 0.25f, 0.75f, 1, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f, 2.5f, 2, 2.25f, 2.75f, 3};
        float[] out = Bilinear.resize(new float[] {0, 1, 2, 3}, 2, 2, 4, 4);
        for (int i = 0; i < 16; i++) assertThat(out[i]).as("pixel %d", i).isCloseTo(expected[i], within(1e-6f));
    }
}
