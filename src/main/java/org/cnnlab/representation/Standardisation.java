package org.cnnlab.representation;

/** Features on one scale: per column of rows d wide, z = (f − μ) / σ with the training rows' mean μ and deviation σ (σ at least 10⁻⁶). */
record Standardisation(int d, double[] mean, double[] deviation) {

    static Standardisation of(float[] rows, int d) {
        int n = rows.length / d;
        double[] mean = new double[d];
        double[] deviation = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += rows[i * d + j] / n;
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) deviation[j] += Math.pow(rows[i * d + j] - mean[j], 2) / n;
        for (int j = 0; j < d; j++) deviation[j] = Math.max(1e-6, Math.sqrt(deviation[j]));
        return new Standardisation(d, mean, deviation);
    }

    float[] apply(float[] rows) {
        float[] out = rows.clone();
        for (int i = 0; i < out.length; i++) out[i] = (float) ((out[i] - mean[i % d]) / deviation[i % d]);
        return out;
    }
}
