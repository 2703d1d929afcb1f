package org.cnnlab.imaging;

/** A feature map drawn for the browser: PNG bytes and the value range its colour bar spans. */
public record RenderedMap(byte[] png, double low, double high, double min, double max) {
}
