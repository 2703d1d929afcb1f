package org.cnnlab;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/** Drawings as the pad makes them, for tests: dark ink (a 16 px pen) on a white 192×192 PNG. */
public final class Drawings {

    private Drawings() {
    }

    public static byte[] pad(Consumer<Graphics2D> ink) throws Exception {
        BufferedImage img = new BufferedImage(192, 192, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 192, 192);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(16));
        ink.accept(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
