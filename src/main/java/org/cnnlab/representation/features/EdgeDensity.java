package org.cnnlab.representation.features;

/**
 * Edge density with the playground's Sobel kernels: the mean gradient magnitude (1 / HW) Σ |∇I|
 * and the share of pixels whose magnitude exceeds 1 (an edge between black and white gives 4).
 */
public final class EdgeDensity implements HandFeature {
    @Override
    public String id() {
        return "edges";
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public void extract(float[] image, int height, int width, float[] out, int at) {
        Gradients g = new Gradients(image, height, width);
        double sum = 0;
        int strong = 0;
        for (float m : g.magnitude) {
            sum += m;
            if (m > 1) strong++;
        }
        out[at] = (float) (sum / image.length);
        out[at + 1] = (float) strong / image.length;
    }
}
