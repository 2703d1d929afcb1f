package org.cnnlab.descent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cnnlab.base.Autograd;

/**
 * The recap's MLP, layer by layer as in the lecture: a^[0] = x, a^[l] = σ(W^[l] a^[l−1] + b^[l]) for
 * the hidden layers and a linear output ŷ = W^[L] a^[L−1] + b^[L]; the loss is the mean squared
 * error L(θ) = 1/N Σ (yᵢ − ŷ(xᵢ; θ))². The parameters θ live in one flat vector (W^[1], b^[1],
 * W^[2], …); DJL's autograd gives ∇L(θ) for it.
 */
public final class Mlp1D {

    public enum Activation { SIGMOID, TANH, RELU }

    private final int width;
    private final int depth;
    private final Activation activation;
    private final int[] fanIn;
    private final int[] fanOut;

    public Mlp1D(int width, int depth, Activation activation) {
        this.width = width;
        this.depth = depth;
        this.activation = activation;
        fanIn = new int[depth + 1];
        fanOut = new int[depth + 1];
        for (int l = 0; l <= depth; l++) {
            fanIn[l] = l == 0 ? 1 : width;
            fanOut[l] = l == depth ? 1 : width;
        }
    }

    public int parameterCount() {
        int n = 0;
        for (int l = 0; l <= depth; l++) n += fanOut[l] * fanIn[l] + fanOut[l];
        return n;
    }

    /** Seeded initial θ: weights ~ N(0, 1/fan-in) (ReLU: 2/fan-in), biases 0. */
    public double[] initial(long seed) {
        Random random = new Random(seed);
        double[] theta = new double[parameterCount()];
        int i = 0;
        for (int l = 0; l <= depth; l++) {
            double std = Math.sqrt((activation == Activation.RELU ? 2.0 : 1.0) / fanIn[l]);
            for (int k = 0; k < fanOut[l] * fanIn[l]; k++) theta[i++] = std * random.nextGaussian();
            i += fanOut[l];
        }
        return theta;
    }

    /** L(θ) on (x, y), and ∇L(θ) into {@code gradient}. */
    public double lossAndGradient(NDManager scope, double[] theta, double[] x, double[] y, double[] gradient) {
        try (NDManager s = scope.newSubManager()) {
            List<NDArray> params = parameters(s, theta);
            for (NDArray p : params) p.setRequiresGradient(true);
            NDArray xs = s.create(toFloat(x), new Shape(x.length, 1));                                     // (N, 1)
            NDArray ys = s.create(toFloat(y), new Shape(y.length, 1));                                     // (N, 1)
            double loss;
            try (Autograd.Held turn = Autograd.hold(); GradientCollector collector = s.getEngine().newGradientCollector()) {
                NDArray l = forward(params, xs).sub(ys).square().mean();                                   // ()
                collector.backward(l);
                loss = l.getFloat();
            }
            int i = 0;
            for (NDArray p : params) {
                float[] g = p.getGradient().toFloatArray();
                for (float v : g) gradient[i++] = v;
            }
            return loss;
        }
    }

    /** ŷ at each x, no gradient. */
    public double[] predict(NDManager scope, double[] theta, double[] x) {
        try (NDManager s = scope.newSubManager()) {
            float[] out = forward(parameters(s, theta), s.create(toFloat(x), new Shape(x.length, 1))).toFloatArray();
            double[] y = new double[out.length];
            for (int i = 0; i < out.length; i++) y[i] = out[i];
            return y;
        }
    }

    /** L(θ) on (x, y), no gradient. */
    public double loss(NDManager scope, double[] theta, double[] x, double[] y) {
        double[] yHat = predict(scope, theta, x);
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum += (y[i] - yHat[i]) * (y[i] - yHat[i]);
        return sum / y.length;
    }

    private NDArray forward(List<NDArray> params, NDArray x) {
        NDArray a = x;                                                                                     // (N, 1)
        for (int l = 0; l <= depth; l++) {
            NDArray w = params.get(2 * l);                                                                 // (out, in)
            NDArray b = params.get(2 * l + 1);                                                             // (out)
            a = a.matMul(w.transpose()).add(b);                                                            // (N, out)
            if (l < depth) {
                a = switch (activation) {
                    case SIGMOID -> ai.djl.nn.Activation.sigmoid(a);
                    case TANH -> ai.djl.nn.Activation.tanh(a);
                    case RELU -> ai.djl.nn.Activation.relu(a);
                };
            }
        }
        return a;
    }

    private List<NDArray> parameters(NDManager s, double[] theta) {
        List<NDArray> params = new ArrayList<>();
        int i = 0;
        for (int l = 0; l <= depth; l++) {
            int nw = fanOut[l] * fanIn[l];
            params.add(s.create(slice(theta, i, nw), new Shape(fanOut[l], fanIn[l])));
            i += nw;
            params.add(s.create(slice(theta, i, fanOut[l]), new Shape(fanOut[l])));
            i += fanOut[l];
        }
        return params;
    }

    private static float[] slice(double[] v, int from, int n) {
        float[] out = new float[n];
        for (int k = 0; k < n; k++) out[k] = (float) v[from + k];
        return out;
    }

    private static float[] toFloat(double[] v) {
        return slice(v, 0, v.length);
    }
}
