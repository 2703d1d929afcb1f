package org.cnnlab.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.function.UnaryOperator;

/**
 * Feature maps kept in channels-last memory: a (N, C, H, W) array whose values lie in memory as
 * (N, H, W, C), as PyTorch's {@code x.to(memory_format=torch.channels_last)}. Shapes, indices and
 * values are unchanged (reading one back gives (N, C, H, W) order); only the kernels PyTorch picks
 * change.
 * <p>PyTorch's max pooling over (N, C, H, W) memory was the largest cost of the reference model's
 * passes here (libtorch 2.7.1, one core). Over channels-last memory it takes about a fifth of the
 * time (32 drawings' first pooling: 0.31 ms instead of 1.45 ms), with the same values and the same
 * gradients (each window's to its first maximum). With the rest below, the input-gradient pass of
 * 25 drawings went from 5.5 to about 3 ms. The inspection benchmark prints the figures.
 * <p>The network sees its input this way ({@link Network}; for one channel that is no copy at all),
 * so a convolution's output is channels-last too. Activations and max pooling make sure of it (a
 * copy where a layer gave (N, C, H, W) memory), so that no backward pass mixes two layouts, which
 * was slower still. It stays so until Flatten.
 */
public final class ChannelsLast {

    private ChannelsLast() {
    }

    /** The network NetworkFactory builds: a SequentialBlock whose input is seen in channels-last memory (its saved parameters are a SequentialBlock's). */
    public static final class Network extends SequentialBlock {

        /** What the network does to its input before its first layer; code that runs its layers one at a time starts here too. */
        public static NDArray input(NDArray x) {
            return of(x);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
            return super.forwardInternal(store, inputs.size() == 1 ? new NDList(input(inputs.singletonOrThrow())) : inputs, training, params);
        }
    }

    /** x itself when it is not an image batch; else x with channels-last memory (a copy unless it already is). */
    public static NDArray of(NDArray x) {
        Shape s = x.getShape();
        if (s.dimension() != 4) return x;
        long n = s.get(0);
        // (N, H, W, C) of the same values, contiguous (a reshape of a permuted array copies it; of a channels-last one it is a view), seen as (N, C, H, W)
        return x.transpose(0, 2, 3, 1).reshape(n, -1).reshape(n, s.get(2), s.get(3), s.get(1)).transpose(0, 3, 1, 2);
    }

    /** The block of an element-wise activation, applied in channels-last memory (LambdaBlocks have no parameters: saved models load as before). */
    static Block activation(UnaryOperator<NDArray> f, String name) {
        return new LambdaBlock(in -> new NDList(f.apply(of(in.singletonOrThrow()))), name);
    }

    /** PyTorch's max_pool2d (kernel k, stride s, no padding) in channels-last memory. */
    static Block maxPool(int kernel, int stride) {
        Shape k = new Shape(kernel, kernel);
        Shape s = new Shape(stride, stride);
        Shape none = new Shape(0, 0);
        return new LambdaBlock(in -> new NDList(Pool.maxPool2d(of(in.singletonOrThrow()), k, s, none, false)), "maxPool2d");
    }
}
