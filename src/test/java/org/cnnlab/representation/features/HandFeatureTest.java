package org.cnnlab.representation.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HandFeatureTest {

    /** 16×16 black with a white filled rectangle at rows r0…r1−1, columns c0…c1−1. */
    private static float[] rectangle(int r0, int r1, int c0, int c1) {
        float[] image = new float[256];
        for (int y = r0; y < r1; y++) for (int x = c0; x < c1; x++) image[y * 16 + x] = 1f;
        return image;
    }

    private static float[] of(HandFeature f, float[] image) {
        float[] out = new float[f.size()];
        f.extract(image, 16, 16, out, 0);
        return out;
    }

    @Test
    void a_centred_filled_square_of_a_quarter_of_the_image() {
        float[] square = rectangle(4, 12, 4, 12);
        assertThat(of(new InkShare(), square)[0]).isEqualTo(0.25f);
        assertThat(of(new BoundingBox(), square)).containsExactly(1f, 1f);
        assertThat(of(new InkHistogram(), square)).containsExactly(0.75f, 0f, 0f, 0.25f);
        assertThat(of(new Symmetry(), square)).containsExactly(1f, 1f);
        float[] edges = of(new EdgeDensity(), square);
        assertThat(edges[0]).isPositive();
        assertThat(edges[1]).as("only the square's border is an edge").isBetween(0.1f, 0.5f);
    }

    @Test
    void a_wide_bar_off_centre() {
        float[] bar = rectangle(2, 4, 0, 12);   // 2 rows × 12 columns, top left
        assertThat(of(new BoundingBox(), bar)).containsExactly(6f, 1f);
        float[] symmetry = of(new Symmetry(), bar);
        assertThat(symmetry[0]).as("left–right: 8 of 12 columns are mirrored by ink").isCloseTo(8f / 12, within(1e-6f));
        assertThat(symmetry[1]).as("top–bottom: the mirror image shares no ink").isEqualTo(0f);
    }

    @Test
    void orientation_bins_tell_a_vertical_bar_from_a_horizontal_one() {
        float[] vertical = of(new OrientationBins(), rectangle(2, 14, 7, 9));
        float[] horizontal = of(new OrientationBins(), rectangle(7, 9, 2, 14));
        assertThat(vertical[0]).as("a vertical bar's edges: horizontal gradients").isGreaterThan(0.5f);
        assertThat(horizontal[4]).as("a horizontal bar's edges: vertical gradients").isGreaterThan(0.5f);
        double sum = 0;
        for (float v : vertical) sum += v;
        assertThat(sum).isCloseTo(1, within(1e-5));
    }

    @Test
    void an_empty_image_gives_zeros_and_extract_all_lays_features_side_by_side() {
        float[] empty = new float[256];
        for (HandFeature f : HandFeature.ALL) {
            float[] v = of(f, empty);
            if (f instanceof InkHistogram) assertThat(v[0]).isEqualTo(1f);
            else for (float x : v) assertThat(x).as(f.id()).isEqualTo(0f);
        }
        float[] two = new float[512];
        System.arraycopy(rectangle(4, 12, 4, 12), 0, two, 256, 256);
        float[] rows = HandFeature.extractAll(List.of(new InkShare(), new BoundingBox()), two, 2, 16, 16);
        assertThat(rows).containsExactly(0f, 0f, 0f, 0.25f, 1f, 1f);
    }
}
