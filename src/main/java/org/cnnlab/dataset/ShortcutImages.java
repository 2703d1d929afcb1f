package org.cnnlab.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The "¿husky o lobo?" data set (after Ribeiro et al. 2016, whose husky was called a wolf because
 * of the snow behind it): 3×32×32 colour images of a brownish animal shape on a background.
 * A husky is a round shape, a wolf a pointed one (learnable on their own); the background is snow
 * (bright, bluish, speckled) or grass (green, with vertical blades). In the biased setting every
 * wolf stands on snow and every husky on grass; in the mixed one the background is a coin toss; in
 * the counterfactual one it is swapped (wolves on grass, huskies on snow). The foreground mask is
 * kept, to measure how much of an explanation falls on the background.
 */
public final class ShortcutImages {

    public static final List<String> CLASSES = List.of("husky", "wolf");
    public static final int SIDE = 32;

    public enum Backgrounds { BIASED, MIXED, COUNTERFACTUAL }

    /** The images and, per image, which pixels belong to the animal. */
    public record Set(LabelledImages images, boolean[][] foreground) {
    }

    private ShortcutImages() {
    }

    public static Set generate(int perClass, Backgrounds backgrounds, long seed) {
        Random random = new Random(seed);
        int n = perClass * 2;
        int plane = SIDE * SIDE;
        float[] pixels = new float[n * 3 * plane];
        int[] labels = new int[n];
        boolean[][] masks = new boolean[n][];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            labels[i] = label;
            boolean snow = switch (backgrounds) {
                case BIASED -> label == 1;
                case COUNTERFACTUAL -> label == 0;
                case MIXED -> random.nextBoolean();
            };
            int offset = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                int x = p % SIDE;
                float[] rgb = snow ? snow(random) : grass(random, x);
                for (int c = 0; c < 3; c++) pixels[offset + c * plane + p] = rgb[c];
            }
            masks[i] = animal(label, random, pixels, offset);
        }
        return new Set(new LabelledImages(backgrounds == Backgrounds.MIXED ? "shortcut-mixed" : "shortcut-" + backgrounds.name().toLowerCase(Locale.ROOT),
                CLASSES, 3, SIDE, SIDE, pixels, labels), masks);
    }

    private static float[] snow(Random random) {
        float v = 0.85f + 0.15f * random.nextFloat();
        if (random.nextInt(25) == 0) v -= 0.35f;   // a speckle
        return new float[] {v, v, Math.min(1f, v + 0.06f)};
    }

    private static float[] grass(Random random, int x) {
        float blade = (x * 7 % 5 == 0) ? 0.15f : 0f;   // vertical blades
        return new float[] {0.12f + 0.1f * random.nextFloat(), 0.42f + blade + 0.2f * random.nextFloat(), 0.08f + 0.08f * random.nextFloat()};
    }

    /** A husky is a disc, a wolf an upward triangle; dark brown, size 13…17, anywhere with a margin. */
    private static boolean[] animal(int label, Random random, float[] pixels, int offset) {
        int plane = SIDE * SIDE;
        double size = 13 + random.nextDouble() * 4;
        double cx = size / 2 + 2 + random.nextDouble() * (SIDE - size - 4);
        double cy = size / 2 + 2 + random.nextDouble() * (SIDE - size - 4);
        float shade = 0.7f + 0.3f * random.nextFloat();
        boolean[] mask = new boolean[plane];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double dx = x + 0.5 - cx;
                double dy = y + 0.5 - cy;
                boolean inside = label == 0
                        ? dx * dx + dy * dy <= size * size / 4
                        : dy <= size / 2 && dy >= -size / 2 && Math.abs(dx) <= (dy + size / 2) / 2;
                if (!inside) continue;
                int p = y * SIDE + x;
                mask[p] = true;
                pixels[offset + p] = 0.40f * shade;
                pixels[offset + plane + p] = 0.26f * shade;
                pixels[offset + 2 * plane + p] = 0.16f * shade;
            }
        }
        return mask;
    }
}
