package org.cnnlab.representation;

/** A rectangle of a plane (x from left to right, y from bottom to top) and the grid of pixel centres a picture of it samples. */
record Bounds(double xMin, double xMax, double yMin, double yMax) {

    /** The points' extent with a 10 % margin (a tiny extent is widened to 1). */
    static Bounds around(float[] x, float[] y) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            x0 = Math.min(x0, x[i]);
            x1 = Math.max(x1, x[i]);
            y0 = Math.min(y0, y[i]);
            y1 = Math.max(y1, y[i]);
        }
        double mx = Math.max(0.5, x1 - x0) * 0.1;
        double my = Math.max(0.5, y1 - y0) * 0.1;
        return new Bounds(x0 - mx, x1 + mx, y0 - my, y1 + my);
    }

    /** Fills the grid's coordinates, row by row from the top: pixel (row, col) at index row·side + col. */
    void grid(float[] gx, float[] gy) {
        int side = PointPicture.SIDE;
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                gx[row * side + col] = (float) (xMin + (col + 0.5) * (xMax - xMin) / side);
                gy[row * side + col] = (float) (yMax - (row + 0.5) * (yMax - yMin) / side);
            }
        }
    }

    int column(double x) {
        return (int) Math.floor((x - xMin) / (xMax - xMin) * PointPicture.SIDE);
    }

    int row(double y) {
        return (int) Math.floor((yMax - y) / (yMax - yMin) * PointPicture.SIDE);
    }
}
