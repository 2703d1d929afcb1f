package org.cnnlab.base.ui;

import java.util.Base64;

/** PNG bytes from a service as a data URL the browser can show without another request. */
public final class ImageUrls {
    private ImageUrls() {
    }

    public static String png(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    public static byte[] decodeDataUrl(String dataUrl) {
        int comma = dataUrl == null ? -1 : dataUrl.indexOf(',');
        if (comma < 0) {
            return new byte[0];
        }
        try {
            return Base64.getDecoder().decode(dataUrl.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
