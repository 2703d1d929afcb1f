package org.cnnlab.representation.features;

/**
 * The ink's bounding box (pixels with I > ½): its aspect ratio w_box / h_box and its extent, the
 * share of the box that is ink, Σ_box I / (w_box · h_box). A filled square gives 1 and 1; an
 * empty image 0 and 0.
 */
public final class BoundingBox implements HandFeature {
    @Override
    public String id() {
        return "box";
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public void extract(float[] image, int height, int width, float[] out, int at) {
        int top = height, bottom = -1, left = width, right = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (image[y * width + x] > 0.5f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        if (bottom < 0) {
            out[at] = 0;
            out[at + 1] = 0;
            return;
        }
        int h = bottom - top + 1;
        int w = right - left + 1;
        double ink = 0;
        for (int y = top; y <= bottom; y++) for (int x = left; x <= right; x++) ink += image[y * width + x];
        out[at] = (float) w / h;
        out[at + 1] = (float) (ink / (w * h));
    }
}
