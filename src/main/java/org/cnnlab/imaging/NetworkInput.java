package org.cnnlab.imaging;

import org.cnnlab.base.InvalidInputException;

/**
 * A drawing or photo brought to what our data sets look like and a network takes: grey if the
 * network has one channel, reduced by area averaging to its height and width, scaled to 0…1, and,
 * for a grey network only, inverted when the background is light (the grey data sets are light
 * strokes on black; a drawing on the pad is dark ink on white). Colour is kept as it is: a photo of
 * snow stays bright (the husky-or-wolf images and real photos for a TorchScript model). Training on the student's own examples and asking a model about a
 * drawing both go through here, so they see the same thing.
 */
public final class NetworkInput {

    private NetworkInput() {
    }

    /** C×H×W values in 0…1. */
    public static float[] of(PixelImage image, int channels, int height, int width) {
        PixelImage pixels = channels == 1 ? image.toGrey() : image;
        if (pixels.channels() != channels) {
            throw new InvalidInputException("training.error.shape", channels + "×" + height + "×" + width, pixels.channels());
        }
        float[] values = pixels.resized(height, width).data().clone();
        double mean = 0;
        for (float v : values) mean += v / 255.0;
        boolean invert = channels == 1 && mean / values.length > 0.5;
        for (int i = 0; i < values.length; i++) values[i] = invert ? 1f - values[i] / 255f : values[i] / 255f;
        return values;
    }
}
