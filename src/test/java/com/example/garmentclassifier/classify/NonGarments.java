package com.example.garmentclassifier.classify;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Uploads that are not garments, drawn here: noise, a page of text, two shapes, a face, a room. */
public final class NonGarments {

    private NonGarments() {
    }

    public static Map<String, BufferedImage> drawn() {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        Random random = new Random(5);
        BufferedImage noise = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        images.put("noise", noise);

        BufferedImage text = canvas(400, 500);
        Graphics2D g = text.createGraphics();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 16));
        for (int line = 0; line < 24; line++) {
            g.drawString("Terms and conditions of sale, paragraph " + line + ", as agreed.", 20, 30 + line * 19);
        }
        g.dispose();
        images.put("page of text", text);

        BufferedImage shapes = canvas(300, 300);
        g = shapes.createGraphics();
        g.setColor(Color.RED);
        g.fillOval(40, 40, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(160, 150, 100, 100);
        g.dispose();
        images.put("circle and square", shapes);

        BufferedImage face = canvas(300, 300);
        g = face.createGraphics();
        g.setColor(new Color(230, 190, 150));
        g.fillOval(60, 40, 180, 220);
        g.setColor(Color.BLACK);
        g.fillOval(105, 110, 20, 20);
        g.fillOval(175, 110, 20, 20);
        g.drawArc(110, 170, 80, 40, 200, 140);
        g.dispose();
        images.put("face drawing", face);

        BufferedImage room = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        g = room.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 190, 170), 0, 300, new Color(120, 90, 60)));
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(60, 60, 80));
        g.fillRect(50, 150, 120, 80);
        g.setColor(new Color(150, 40, 40));
        g.fillRect(250, 60, 90, 170);
        g.dispose();
        images.put("room", room);
        return images;
    }

    private static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }
}
