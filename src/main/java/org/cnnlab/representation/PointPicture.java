package org.cnnlab.representation;

import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;

/** A plane as a PNG: each pixel tinted by the class the classifier gives there, the points on top in their true class's colour. */
final class PointPicture {

    static final int SIDE = 200;
    /** Class 0 orange, class 1 blue: the points, and a light tint of each for the regions. */
    private static final int[][] POINT = {{230, 120, 20}, {30, 90, 200}};
    private static final int[][] REGION = {{253, 226, 196}, {204, 222, 248}};

    private PointPicture() {
    }

    /** @param regions the class at each grid pixel ({@link Bounds#grid} order) */
    static byte[] render(int[] regions, Bounds bounds, float[] x, float[] y, int[] labels) {
        int plane = SIDE * SIDE;
        float[] rgb = new float[3 * plane];
        for (int p = 0; p < plane; p++) for (int c = 0; c < 3; c++) rgb[c * plane + p] = REGION[regions[p]][c];
        for (int i = 0; i < labels.length; i++) {
            int col = bounds.column(x[i]);
            int row = bounds.row(y[i]);
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int r = row + dy;
                    int q = col + dx;
                    if (r < 0 || r >= SIDE || q < 0 || q >= SIDE) continue;
                    for (int c = 0; c < 3; c++) rgb[c * plane + r * SIDE + q] = POINT[labels[i]][c];
                }
            }
        }
        return PngEncoder.encode(new PixelImage(3, SIDE, SIDE, rgb));
    }
}
