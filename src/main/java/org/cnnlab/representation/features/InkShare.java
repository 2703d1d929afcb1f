package org.cnnlab.representation.features;

/** Ink share: the mean intensity, (1 / HW) Σ I(y, x). A filled square of a quarter of the image gives ¼. */
public final class InkShare implements HandFeature {
    @Override
    public String id() {
        return "ink";
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public void extract(float[] image, int height, int width, float[] out, int at) {
        double sum = 0;
        for (float v : image) sum += v;
        out[at] = (float) (sum / image.length);
    }
}
