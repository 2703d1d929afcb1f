package org.cnnlab.network;

/**
 * What one layer costs for one image: its output shape, learned weights and biases (trainable =
 * weights + biases), non-trainable buffers (BatchNorm's running statistics, not parameters, as
 * PyTorch counts them), multiply-accumulates and the float32 bytes of its output. When the layer
 * cannot take its input, {@code errorKey} (an i18n key) and {@code errorArgs} say why and the
 * numbers are zero.
 */
public record LayerReport(int index, LayerSpec layer, TensorShape input, TensorShape output, long weights, long biases,
                          long buffers, long macs, String errorKey, Object[] errorArgs) {

    public long trainable() {
        return weights + biases;
    }

    public long activationBytes() {
        return output == null ? 0 : output.size() * Float.BYTES;
    }

    public boolean failed() {
        return errorKey != null;
    }

    static LayerReport error(int index, LayerSpec layer, TensorShape input, String key, Object... args) {
        return new LayerReport(index, layer, input, null, 0, 0, 0, 0, key, args);
    }
}
