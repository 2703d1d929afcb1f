package org.cnnlab.dataset;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Balanced, seeded samples of a labelled set, restricted to some of its classes. */
final class Sampling {

    private Sampling() {
    }

    /**
     * The first {@code perClass} images of each chosen class in a seeded shuffle (fewer if a class
     * has fewer), relabelled 0… in the order of {@code chosen}.
     */
    static LabelledImages balanced(LabelledImages all, List<String> chosen, int perClass, long seed) {
        int[] newLabel = new int[all.classes().size()];
        Arrays.fill(newLabel, -1);
        for (int c = 0; c < chosen.size(); c++) newLabel[all.classes().indexOf(chosen.get(c))] = c;
        int[] order = Shuffle.permutation(all.size(), new Random(seed));
        int[] taken = new int[chosen.size()];
        int[] picked = new int[perClass * chosen.size()];
        int n = 0;
        for (int i : order) {
            int label = newLabel[all.labels()[i]];
            if (label >= 0 && taken[label] < perClass) {
                taken[label]++;
                picked[n++] = i;
                if (n == picked.length) break;
            }
        }
        LabelledImages subset = all.subset(Arrays.copyOf(picked, n));
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = newLabel[subset.labels()[i]];
        return new LabelledImages(all.id(), chosen, all.channels(), all.height(), all.width(), subset.pixels(), labels);
    }
}
