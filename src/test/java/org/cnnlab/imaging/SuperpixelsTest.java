package org.cnnlab.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SuperpixelsTest {

    /** 3×24×24: dark left of column 13, bright right of it (the edge is off the 8-pixel grid), a little noise. */
    private static float[] twoHalves() {
        Random random = new Random(5);
        float[] x = new float[3 * 24 * 24];
        for (int ch = 0; ch < 3; ch++) {
            for (int p = 0; p < 24 * 24; p++) x[ch * 576 + p] = (p % 24 < 13 ? 0.1f : 0.9f) + 0.03f * (float) random.nextGaussian();
        }
        return x;
    }

    @Test
    void noSuperpixelCrossesAColourEdge() {
        int[] labels = Superpixels.slic(twoHalves(), 3, 24, 24, 8, 0.1);
        Set<Integer> left = new HashSet<>();
        Set<Integer> right = new HashSet<>();
        for (int p = 0; p < labels.length; p++) (p % 24 < 13 ? left : right).add(labels[p]);
        assertThat(left).doesNotContainAnyElementsOf(right);
        assertThat(Superpixels.count(labels)).isBetween(6, 14);   // about (24 / 8)² = 9
    }

    @Test
    void labelsAreNumberedFromZeroAndEachIsOneConnectedRegion() {
        int[] labels = Superpixels.slic(twoHalves(), 3, 24, 24, 6, 0.1);
        int k = Superpixels.count(labels);
        for (int l = 0; l < k; l++) {
            final int label = l;
            int first = -1;
            int size = 0;
            for (int p = 0; p < labels.length; p++) {
                if (labels[p] == label) {
                    size++;
                    if (first < 0) first = p;
                }
            }
            assertThat(first).as("label %d used", l).isGreaterThanOrEqualTo(0);
            assertThat(size).isPositive();
        }
        assertThat(Superpixels.connected(labels, 24, 24, 1)).as("relabelling by connectivity changes nothing").isEqualTo(labels);
    }

    @Test
    void connectedSplitsALabelInTwoPiecesAndMergesSpecks() {
        int[] twoPieces = {0, 1, 0,
                           0, 1, 0,
                           0, 1, 0};
        assertThat(Superpixels.connected(twoPieces, 3, 3, 1)).containsExactly(0, 1, 2, 0, 1, 2, 0, 1, 2);
        int[] speck = {0, 0, 0,
                       0, 1, 0,
                       0, 0, 0};
        assertThat(Superpixels.connected(speck, 3, 3, 2)).containsOnly(0);
    }
}
