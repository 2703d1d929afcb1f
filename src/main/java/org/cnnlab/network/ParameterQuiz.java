package org.cnnlab.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cnnlab.network.LayerSpec.Activation;
import org.cnnlab.network.LayerSpec.Conv2d;
import org.cnnlab.network.LayerSpec.Dense;
import org.cnnlab.network.LayerSpec.Flatten;

/**
 * "¿Cuántos parámetros tiene esta red?": the lecture's two questions (the 224×224×3 MLP and the
 * in-class CNN) and seeded variants of the CNN one. The answer is always computed by
 * {@link ShapeInference}; {@code slideTotal} keeps what the slide printed when it differs, so the
 * explanation can say so.
 */
public final class ParameterQuiz {

    /** Variants beyond the lecture's two questions. */
    public static final int VARIANTS = 24;

    /** @param slideTotal what the lecture's slide printed, or -1 when the question is ours */
    public record Question(int number, NetworkSpec spec, long slideTotal) {
    }

    private ParameterQuiz() {
    }

    public static int count() {
        return 2 + VARIANTS;
    }

    /** Question {@code n} (0-based): 0 the lecture's MLP, 1 the in-class CNN, then seeded variants. */
    public static Question question(int n) {
        return switch (n) {
            case 0 -> new Question(0, NetworkPresets.LECTURE_MLP.spec(), -1);
            case 1 -> new Question(1, NetworkPresets.LECTURE_QUIZ.spec(), 2_714_097L);
            default -> new Question(n, variant(n), -1);
        };
    }

    /** A typed count: "2712913", "2,712,913", "2.712.913" and "2 712 913" all read as 2712913; −1 if there is no number. */
    public static long parse(String typed) {
        if (typed == null) return -1;
        String digits = typed.replaceAll("[\\s.,_’']", "");
        if (digits.isEmpty() || digits.length() > 15 || !digits.chars().allMatch(Character::isDigit)) return -1;
        return Long.parseLong(digits);
    }

    private static NetworkSpec variant(int n) {
        Random random = new Random(1_000L + n);
        int[] sides = {28, 32, 48, 64};
        int side = sides[random.nextInt(sides.length)];
        int channels = random.nextBoolean() ? 1 : 3;
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(Conv2d.of(4 + 2 * random.nextInt(7), random.nextBoolean() ? 3 : 5));
        layers.add(new Activation(Activation.Kind.RELU));
        if (random.nextBoolean()) {
            layers.add(Conv2d.of(8 + 4 * random.nextInt(4), random.nextBoolean() ? 3 : 5));
            layers.add(new Activation(Activation.Kind.RELU));
        }
        if (random.nextBoolean()) {
            layers.add(new LayerSpec.MaxPool(2, 2));
        }
        layers.add(new Flatten());
        if (random.nextBoolean()) {
            layers.add(new Dense(new int[] {16, 32, 64, 128}[random.nextInt(4)]));
            layers.add(new Activation(Activation.Kind.RELU));
        }
        layers.add(new Dense(new int[] {2, 5, 10}[random.nextInt(3)]));
        return new NetworkSpec(NetworkSpec.CURRENT_VERSION, TensorShape.image(channels, side, side), layers);
    }
}
