package org.cnnlab.imaging;

/**
 * A decoded upload: the pixels the lab works on, plus what the student should be told about them
 * (original size, whether it was reduced, whether only the first frame of an animation was kept).
 */
public record DecodedImage(PixelImage image, String format, int originalWidth, int originalHeight,
                           boolean firstFrameOnly) {

    public boolean reduced() {
        return image.width() != originalWidth || image.height() != originalHeight;
    }
}
