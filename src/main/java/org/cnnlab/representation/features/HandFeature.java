package org.cnnlab.representation.features;

import java.util.Arrays;
import java.util.List;
import org.cnnlab.base.InvalidInputException;

/**
 * A hand-made feature of a grey image (H×W values in 0…1, light strokes on black as in our data
 * sets): a few numbers a classic pipeline would feed to a classifier. Each implementation states
 * its formula.
 */
public interface HandFeature {

    /** The i18n suffix and stable id: {@code representation.hand.<id>}. */
    String id();

    /** How many numbers it gives. */
    int size();

    void extract(float[] image, int height, int width, float[] out, int at);

    /** Every feature the page offers, in its order. */
    List<HandFeature> ALL = List.of(new InkShare(), new BoundingBox(), new EdgeDensity(), new Symmetry(), new OrientationBins(), new InkHistogram());

    static HandFeature byId(String id) {
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow(() -> new InvalidInputException("representation.error.noFeatures"));
    }

    /** The features of each of n images (C = 1), one row of Σ sizes per image. */
    static float[] extractAll(List<HandFeature> features, float[] pixels, int n, int height, int width) {
        int d = features.stream().mapToInt(HandFeature::size).sum();
        float[] out = new float[n * d];
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            float[] image = Arrays.copyOfRange(pixels, i * plane, (i + 1) * plane);
            int at = i * d;
            for (HandFeature f : features) {
                f.extract(image, height, width, out, at);
                at += f.size();
            }
        }
        return out;
    }
}
