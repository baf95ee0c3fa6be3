package com.example.garmentclassifier.classify;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * Garments drawn from scratch with Java2D, not derived from Fashion-MNIST: the kind of
 * drawings and flat shots sellers upload. Each is drawn in a 400x400 frame at an offset on a
 * larger canvas; {@code mirror} flips it left-right (shoes pointing the other way).
 */
public final class DrawnGarments {

    /** A drawing and the label a person would give it. */
    public record Drawing(String name, String label, Consumer<Graphics2D> paint) {
    }

    public static final Drawing TROUSERS = new Drawing("trousers", "Trouser", g -> g.fillPolygon(new Polygon(
            new int[] {150, 250, 270, 215, 200, 185, 130}, new int[] {40, 40, 360, 360, 130, 360, 360}, 7)));

    public static final Drawing T_SHIRT = new Drawing("t-shirt", "T-shirt/top", g -> {
        g.fillPolygon(new Polygon(
                new int[] {150, 180, 220, 250, 330, 300, 265, 265, 135, 135, 100, 70},
                new int[] {60, 60, 60, 60, 120, 170, 140, 340, 340, 140, 170, 120}, 12));
        Color fill = g.getColor();
        g.setColor(g.getBackground());
        g.fillOval(172, 40, 56, 40);
        g.setColor(fill);
    });

    public static final Drawing DRESS = new Drawing("dress", "Dress", g -> g.fillPolygon(new Polygon(
            new int[] {170, 230, 235, 225, 290, 110, 175, 165}, new int[] {30, 30, 80, 160, 370, 370, 160, 80}, 8)));

    public static final Drawing BAG = new Drawing("bag", "Bag", g -> {
        g.fill(new RoundRectangle2D.Double(70, 150, 260, 190, 30, 30));
        g.setStroke(new BasicStroke(18));
        g.draw(new Arc2D.Double(130, 60, 140, 180, 0, 180, Arc2D.OPEN));
    });

    public static final Drawing SNEAKER = new Drawing("sneaker", "Sneaker", g -> {
        g.fillPolygon(new Polygon(
                new int[] {40, 60, 150, 220, 250, 330, 360, 360, 40},
                new int[] {255, 232, 218, 192, 172, 172, 198, 270, 270}, 9));
        g.fillRect(40, 268, 320, 20);
    });

    public static final Drawing ANKLE_BOOT = new Drawing("ankle boot", "Ankle boot", g -> {
        g.fillPolygon(new Polygon(
                new int[] {40, 60, 170, 200, 210, 330, 340, 350, 40},
                new int[] {290, 240, 215, 150, 40, 40, 150, 300, 300}, 9));
        g.fillRect(290, 300, 60, 30);
        g.fillRect(40, 300, 230, 14);
    });

    private DrawnGarments() {
    }

    /**
     * @param background null for a transparent cut-out
     */
    public static BufferedImage render(Drawing drawing, Color garment, Color background, int canvasWidth,
                                       int canvasHeight, int x, int y, boolean mirror) {
        BufferedImage image = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        if (background != null) {
            g.setColor(background);
            g.fillRect(0, 0, canvasWidth, canvasHeight);
            g.setBackground(background);
        } else {
            g.setBackground(new Color(0, 0, 0, 0));
        }
        AffineTransform transform = new AffineTransform();
        transform.translate(x, y);
        if (mirror) {
            transform.translate(400, 0);
            transform.scale(-1, 1);
        }
        g.setTransform(transform);
        g.setColor(garment);
        if (background == null) {
            // The neck cut-out of the T-shirt must stay transparent, not paint a colour.
            g.setComposite(java.awt.AlphaComposite.Src);
        }
        drawing.paint().accept(g);
        g.dispose();
        if (background == null) {
            return image;
        }
        BufferedImage opaque = new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_INT_RGB);
        opaque.getGraphics().drawImage(image, 0, 0, null);
        return opaque;
    }
}
