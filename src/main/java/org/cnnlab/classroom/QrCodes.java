package org.cnnlab.classroom;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import org.cnnlab.imaging.PngEncoder;

/** The join link as a QR code to project: ZXing lays out the modules, our PNG encoder writes them. */
public final class QrCodes {
    private static final int SCALE = 8;

    private QrCodes() {
    }

    public static byte[] png(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            int w = m.getWidth() * SCALE;
            int h = m.getHeight() * SCALE;
            byte[] pixels = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) pixels[y * w + x] = (byte) (m.get(x / SCALE, y / SCALE) ? 0 : 1);
            }
            return PngEncoder.indexed(w, h, pixels, new int[] {0x000000, 0xFFFFFF});
        } catch (WriterException e) {
            throw new IllegalArgumentException("no QR code for " + text, e);
        }
    }
}
