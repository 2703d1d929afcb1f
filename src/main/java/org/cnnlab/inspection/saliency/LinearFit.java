package org.cnnlab.inspection.saliency;

/**
 * Weighted ridge regression, the surrogate model LIME fits: minimise Σ_i w_i (y_i − β₀ − Σ_s β_s z_is)²
 * + λ Σ_s β_s², solved exactly from the normal equations (ZᵀWZ + λI)β = ZᵀWy by Gaussian elimination
 * with partial pivoting; small systems only (one unknown per image patch).
 */
final class LinearFit {

    private LinearFit() {
    }

    /** @return β₀ (the intercept) followed by β₁…β_S */
    static double[] ridge(double[][] z, double[] y, double[] w, double lambda) {
        int k = z[0].length + 1;
        double[][] a = new double[k][k + 1];
        for (int i = 0; i < z.length; i++) {
            double[] row = new double[k];
            row[0] = 1;
            System.arraycopy(z[i], 0, row, 1, k - 1);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) a[r][c] += w[i] * row[r] * row[c];
                a[r][k] += w[i] * row[r] * y[i];
            }
        }
        for (int d = 1; d < k; d++) a[d][d] += lambda;   // the intercept is not shrunk
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            if (Math.abs(a[col][col]) < 1e-12) continue;
            for (int r = 0; r < k; r++) {
                if (r == col) continue;
                double f = a[r][col] / a[col][col];
                for (int c = col; c <= k; c++) a[r][c] -= f * a[col][c];
            }
        }
        double[] beta = new double[k];
        for (int r = 0; r < k; r++) beta[r] = Math.abs(a[r][r]) < 1e-12 ? 0 : a[r][k] / a[r][r];
        return beta;
    }
}
