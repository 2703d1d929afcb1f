package org.cnnlab.convolution;

import org.cnnlab.imaging.DecodedImage;
import org.cnnlab.imaging.PixelImage;
import org.cnnlab.imaging.PngEncoder;

/**
 * The image a student is working on, with its PNG for the page (encoded once, not per keystroke)
 * and what to tell them about where it came from.
 */
public record PlaygroundInput(PixelImage pixels, byte[] png, String name, int originalWidth, int originalHeight,
                              boolean firstFrameOnly) {

    public static PlaygroundInput of(String name, PixelImage pixels) {
        return new PlaygroundInput(pixels, PngEncoder.encode(pixels), name, pixels.width(), pixels.height(), false);
    }

    public static PlaygroundInput of(String name, DecodedImage decoded) {
        return new PlaygroundInput(decoded.image(), PngEncoder.encode(decoded.image()), name,
                decoded.originalWidth(), decoded.originalHeight(), decoded.firstFrameOnly());
    }

    public boolean reduced() {
        return pixels.width() != originalWidth || pixels.height() != originalHeight;
    }
}
