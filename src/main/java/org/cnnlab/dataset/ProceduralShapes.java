package org.cnnlab.dataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Random;

/**
 * Five shape classes drawn by our code on 28×28 grey images, seeded. Easy: centred, one size,
 * upright, clean. Hard: random position, scale and rotation, thinner strokes and pixel noise, so
 * a linear model on raw pixels struggles while a CNN does not.
 */
public final class ProceduralShapes {

    public static final List<String> CLASSES = List.of("circle", "square", "triangle", "cross", "ring");
    public static final int SIDE = 28;

    private ProceduralShapes() {
    }

    public static LabelledImages generate(int perClass, boolean hard, long seed) {
        Random random = new Random(seed);
        int n = perClass * CLASSES.size();
        float[] pixels = new float[n * SIDE * SIDE];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % CLASSES.size();
            labels[i] = label;
            draw(label, hard, random, pixels, i * SIDE * SIDE);
        }
        return new LabelledImages(hard ? "shapes-hard" : "shapes-easy", CLASSES, 1, SIDE, SIDE, pixels, labels);
    }

    private static void draw(int label, boolean hard, Random random, float[] out, int offset) {
        BufferedImage img = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, SIDE, SIDE);
            double size = hard ? 8 + random.nextDouble() * 10 : 16;
            double cx = hard ? size / 2 + 2 + random.nextDouble() * (SIDE - size - 4) : SIDE / 2.0;
            double cy = hard ? size / 2 + 2 + random.nextDouble() * (SIDE - size - 4) : SIDE / 2.0;
            AffineTransform at = new AffineTransform();
            at.translate(cx, cy);
            if (hard) at.rotate(random.nextDouble() * Math.PI * 2);
            g.setTransform(at);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(hard ? 1.5f + random.nextFloat() : 2.5f));
            double h = size / 2;
            switch (CLASSES.get(label)) {
                case "circle" -> g.fill(new Ellipse2D.Double(-h, -h, size, size));
                case "square" -> g.fill(new Rectangle2D.Double(-h, -h, size, size));
                case "triangle" -> {
                    Path2D t = new Path2D.Double();
                    t.moveTo(0, -h);
                    t.lineTo(h, h);
                    t.lineTo(-h, h);
                    t.closePath();
                    g.fill(t);
                }
                case "cross" -> {
                    g.draw(new Line2D.Double(-h, -h, h, h));
                    g.draw(new Line2D.Double(-h, h, h, -h));
                }
                default -> g.draw(new Ellipse2D.Double(-h, -h, size, size));
            }
        } finally {
            g.dispose();
        }
        byte[] grey = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < grey.length; p++) {
            float v = (grey[p] & 0xFF) / 255f;
            if (hard) v = Math.min(1f, Math.max(0f, v + (float) (random.nextGaussian() * 0.15)));
            out[offset + p] = v;
        }
    }
}
