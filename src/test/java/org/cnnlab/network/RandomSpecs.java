package org.cnnlab.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cnnlab.network.LayerSpec.Activation;

/** Seeded random designs that shape inference accepts, small enough to build and run quickly. */
final class RandomSpecs {
    private RandomSpecs() {
    }

    static List<NetworkSpec> valid(long seed, int count) {
        Random random = new Random(seed);
        ShapeInference inference = new ShapeInference(NetworkLimits.defaults());
        List<NetworkSpec> specs = new ArrayList<>();
        while (specs.size() < count) {
            NetworkSpec spec = one(random);
            if (inference.analyse(spec).valid()) {
                specs.add(spec);
            }
        }
        return specs;
    }

    private static NetworkSpec one(Random random) {
        TensorShape input = TensorShape.image(1 + random.nextInt(3), 6 + random.nextInt(27), 6 + random.nextInt(27));
        List<LayerSpec> layers = new ArrayList<>();
        int imageLayers = random.nextInt(6);
        for (int n = 0; n < imageLayers; n++) {
            layers.add(switch (random.nextInt(7)) {
                case 0, 1 -> new LayerSpec.Conv2d(1 + random.nextInt(12), 1 + random.nextInt(5), 1 + random.nextInt(2),
                        random.nextInt(3), 1 + random.nextInt(2));
                case 2 -> random.nextBoolean() ? new LayerSpec.MaxPool(2, 2) : new LayerSpec.AvgPool(2 + random.nextInt(2), 1 + random.nextInt(2));
                case 3 -> new Activation(Activation.Kind.values()[random.nextInt(3)]);
                case 4 -> new LayerSpec.BatchNorm();
                case 5 -> new LayerSpec.Dropout(random.nextInt(5) / 10.0);
                default -> new LayerSpec.Conv2d(1 + random.nextInt(8), 3, 1, 1, 1);
            });
        }
        if (random.nextBoolean()) {
            layers.add(random.nextInt(3) == 0 ? new LayerSpec.GlobalAvgPool() : new LayerSpec.Flatten());
            int dense = random.nextInt(3);
            for (int n = 0; n < dense; n++) {
                layers.add(new LayerSpec.Dense(1 + random.nextInt(40)));
                if (random.nextBoolean()) layers.add(random.nextBoolean() ? new LayerSpec.BatchNorm() : new Activation(Activation.Kind.RELU));
            }
        }
        return new NetworkSpec(NetworkSpec.CURRENT_VERSION, input, layers);
    }
}
