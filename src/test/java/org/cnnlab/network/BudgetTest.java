package org.cnnlab.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.assertj.core.data.Offset;
import org.cnnlab.base.InvalidInputException;
import org.cnnlab.base.Translations;
import org.junit.jupiter.api.Test;

/** The price of a design worked out by hand, and the refusals that say which number is too big. */
class BudgetTest {

    private static final ShapeInference INFERENCE = new ShapeInference(NetworkLimits.defaults());
    /** The activation bomb: 28×28 → 4,096 filters 3×3 → ReLU → global average pooling → 10 classes. */
    private static final NetworkSpec BOMB = NetworkSpec.of(TensorShape.image(1, 28, 28), LayerSpec.Conv2d.of(4096, 3),
            new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(10));

    @Test
    void the_price_is_the_sum_of_every_layers_output_and_the_weights_worked_out_by_hand() {
        Price price = Price.of(INFERENCE.analyse(BOMB));
        long conv = 4096L * 26 * 26;                              // floats out of the convolution, and again out of the ReLU
        long perImage = 4L * (28 * 28 + conv + conv + 4096 + 10); // input, conv, ReLU, pooled, logits
        assertThat(price.activationBytesPerImage()).isEqualTo(perImage);
        long parameters = 4096L * 9 + 4096 + 4096L * 10 + 10;
        assertThat(price.parameters()).isEqualTo(parameters).isEqualTo(81_930);   // the count
        assertThat(price.trainingBytes(1024)).isEqualTo(3 * 1024 * perImage + 16 * parameters);
        assertThat(price.forwardBytes(1)).isEqualTo(perImage + 4 * parameters);
        assertThat(price.macsPerImage()).isEqualTo(4096L * 26 * 26 * 9 + 4096L * 10);
        assertThat(price.largestTrainingBatch(price.trainingBytes(7))).isEqualTo(7);
    }

    @Test
    void the_bomb_at_batch_1024_is_refused_saying_how_much_memory_by_how_much_and_which_batch_fits() {
        Budget budget = new Budget(BudgetLimits.defaults());
        NetworkAnalysis analysis = INFERENCE.analyse(BOMB);
        InvalidInputException refused = catchRefusal(() -> budget.checkTraining(analysis, 1024, 20_000, 2, 5_000, 900));
        assertThat(refused.messageKey()).isEqualTo("budget.error.trainingMemory");
        double ratio = (double) refused.args()[4];
        int fits = (int) refused.args()[5];
        assertThat(ratio).isGreaterThan(10);
        assertThat(fits).isPositive().isLessThan(1024);
        // the batch the message offers is accepted (memory), one more is not
        budget.checkTraining(analysis, fits, 200, 1, 0, 900);
        assertThat(catchRefusal(() -> budget.checkTraining(analysis, fits + 1, 200, 1, 0, 900)).messageKey())
                .isEqualTo("budget.error.trainingMemory");
        String spanish = new Translations().getTranslation(refused.messageKey(), Translations.SPANISH, refused.args());
        String english = new Translations().getTranslation(refused.messageKey(), Locale.ENGLISH, refused.args());
        assertThat(spanish).contains("lote 1.024").contains("4.096 MB").doesNotContain("!");
        assertThat(english).contains("batch 1,024").contains("4,096 MB");
    }

    @Test
    void a_job_whose_passes_outlast_the_wall_time_is_refused_with_its_estimate() {
        Budget budget = new Budget(new BudgetLimits(0, 0, 0, 1e9));
        NetworkAnalysis analysis = INFERENCE.analyse(BOMB);
        // 24.9 M MACs an image, ×3 with the backward pass, 2,000 images, 10 epochs at 1e9 MAC/s: about 1,500 s
        InvalidInputException refused = catchRefusal(() -> budget.checkTraining(analysis, 4, 2_000, 10, 0, 900));
        assertThat(refused.messageKey()).isEqualTo("budget.error.trainingSeconds");
        assertThat((double) refused.args()[0]).isCloseTo(3.0 * (4096L * 26 * 26 * 9 + 40_960) * 20_000 / 1e9, Offset.offset(1.0));
    }

    @Test
    void a_request_over_its_memory_is_refused_before_anything_is_built() {
        Budget budget = new Budget(BudgetLimits.defaults());
        NetworkSpec big = NetworkSpec.of(TensorShape.image(1, 1024, 1024), LayerSpec.Conv2d.of(512, 3),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(5));
        InvalidInputException refused = catchRefusal(() -> budget.checkForward(INFERENCE.analyse(big), 1, 1));
        assertThat(refused.messageKey()).isEqualTo("budget.error.requestMemory");
        assertThat((double) refused.args()[3]).isGreaterThan(7);
        budget.checkForward(INFERENCE.analyse(NetworkSpec.of(TensorShape.image(1, 28, 28), LayerSpec.Conv2d.of(512, 3),
                new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.GlobalAvgPool(), new LayerSpec.Dense(5))), 32, 100);
    }

    private static InvalidInputException catchRefusal(Runnable r) {
        try {
            r.run();
        } catch (InvalidInputException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    void unused() {
        assertThatThrownBy(() -> catchRefusal(() -> { })).isInstanceOf(AssertionError.class);
    }
}
