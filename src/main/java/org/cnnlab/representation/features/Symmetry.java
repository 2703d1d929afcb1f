package org.cnnlab.representation.features;

/**
 * Mirror symmetry, left–right and top–bottom: 1 − Σ |I(y, x) − I(y, W−1−x)| / (2 Σ I) (and the same
 * with rows). 1 for a symmetric image, 0 when the mirror image shares no ink; 0 for an empty image.
 */
public final class Symmetry implements HandFeature {
    @Override
    public String id() {
        return "symmetry";
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public void extract(float[] image, int height, int width, float[] out, int at) {
        double ink = 0;
        double lr = 0;
        double tb = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = image[y * width + x];
                ink += v;
                lr += Math.abs(v - image[y * width + width - 1 - x]);
                tb += Math.abs(v - image[(height - 1 - y) * width + x]);
            }
        }
        out[at] = ink == 0 ? 0 : (float) (1 - lr / (2 * ink));
        out[at + 1] = ink == 0 ? 0 : (float) (1 - tb / (2 * ink));
    }
}
