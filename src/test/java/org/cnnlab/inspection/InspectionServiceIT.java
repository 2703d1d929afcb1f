package org.cnnlab.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.cnnlab.imaging.ImageDecoder;
import org.cnnlab.imaging.ImageLimits;
import org.cnnlab.models.ModelRunner;
import org.cnnlab.models.TrainedModel;
import org.cnnlab.network.LayerSpec;
import org.cnnlab.network.NetworkFactory;
import org.cnnlab.network.NetworkLimits;
import org.cnnlab.network.NetworkSpec;
import org.cnnlab.network.TensorShape;
import org.junit.jupiter.api.Test;

/** Every layer's output of a hand-set network, checked against what its weights must give. */
class InspectionServiceIT {

    private final InspectionService service = new InspectionService(new ModelRunner(new NetworkFactory(NetworkLimits.defaults())),
            new ImageDecoder(ImageLimits.defaults()));

    @Test
    void each_layer_shows_what_its_weights_make_of_the_drawing() throws Exception {
        // filter 0 copies the image (identity kernel), filter 1 is its negative; ReLU keeps filter 0; class 0 sums filter 0's map
        float[] kernel = new float[2 * 9];
        kernel[4] = 1f;
        kernel[9 + 4] = -1f;
        float[] dense = new float[2 * 128];
        for (int p = 0; p < 64; p++) dense[p] = 1f;
        TrainedModel model = HandSetModels.model(NetworkSpec.of(TensorShape.image(1, 8, 8), new LayerSpec.Conv2d(2, 3, 1, 1, 1),
                        new LayerSpec.Activation(LayerSpec.Activation.Kind.RELU), new LayerSpec.Flatten(), new LayerSpec.Dense(2)),
                List.of("ink", "none"), List.of(kernel, new float[] {0f, 0.5f}, dense, new float[2]));
        // a black stroke on white: the network sees it inverted, 1 on the stroke
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) for (int x = 0; x < 8; x++) img.setRGB(x, y, x == 3 ? Color.BLACK.getRGB() : Color.WHITE.getRGB());
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);

        Inspection in = service.inspect(model, png.toByteArray());
        assertThat(in.layers()).extracting(Inspection.Layer::type).containsExactly("conv2d", "relu", "flatten", "dense");
        assertThat(in.layers().get(0).shape()).isEqualTo(TensorShape.image(2, 8, 8));
        assertThat(in.layers().get(0).maps()).hasSize(2);
        // conv: filter 0 = the image (0…1), filter 1 = 0.5 − image: the range runs from −0.5 to 1
        assertThat(in.layers().get(0).min()).isCloseTo(-0.5, within(1e-5));
        assertThat(in.layers().get(0).max()).isCloseTo(1.0, within(1e-5));
        assertThat(in.layers().get(1).min()).isCloseTo(0.0, within(1e-6));
        assertThat(in.layers().get(2).shape()).isEqualTo(TensorShape.vector(128));
        // 8 stroke pixels of 1: logit 0 = 8, logit 1 = 0
        double p0 = 1 / (1 + Math.exp(-8));
        assertThat(in.probabilities()[0]).isCloseTo(p0, within(1e-5));
        assertThat(in.filters()).hasSize(2);
        assertThat(in.filters().get(0).weights()[4]).isEqualTo(1f);
        assertThat(in.filters().get(1).bias()).isEqualTo(0.5f);
    }
}
