package com.example.garmentclassifier.attributes;

import com.example.garmentclassifier.classify.DrawnGarments;
import com.example.garmentclassifier.classify.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Garments with known colour and pattern: a silhouette (an upscaled Fashion-MNIST image or a
 * drawn garment) filled with a palette colour, with shading, noise and optionally JPEG
 * compression, striped, checked or printed, on white, light grey or transparent backgrounds.
 */
public final class SyntheticGarments {

    /** One generated upload and its ground truth. */
    public record Sample(String description, BufferedImage image, String format, String colour, String pattern) {
    }

    public static final List<String> PATTERNS = List.of("solid", "striped", "checked", "printed");

    private SyntheticGarments() {
    }

    /** The full ground-truth set: every palette colour with every pattern, over rotating shapes and backgrounds. */
    public static List<Sample> all() {
        List<boolean[]> masks = silhouettes();
        List<String> names = new ArrayList<>(CataloguePalette.REFERENCES.keySet());
        Color[] backgrounds = {Color.WHITE, new Color(232, 232, 230), null};
        List<Sample> samples = new ArrayList<>();
        Random random = new Random(7);
        int n = 0;
        for (String name : names) {
            for (String pattern : PATTERNS) {
                for (int variant = 0; variant < 3; variant++) {
                    boolean[] mask = masks.get(n % masks.size());
                    Color background = backgrounds[(n + variant) % backgrounds.length];
                    // White garments on white backgrounds cannot be separated; sellers shoot them on grey or as cut-outs.
                    if (name.equals("white") && Color.WHITE.equals(background)) {
                        background = new Color(200, 200, 200);
                    }
                    int fill = CataloguePalette.REFERENCES.get(name);
                    int second = contrasting(name, names, random);
                    BufferedImage image = render(mask, fill, second, pattern, background, random, variant);
                    String format = background == null ? "png" : variant == 1 ? "jpeg" : "png";
                    samples.add(new Sample(name + " " + pattern + " #" + variant + " on "
                            + (background == null ? "transparent" : Integer.toHexString(background.getRGB())),
                            image, format, name, pattern));
                    n++;
                }
            }
        }
        return samples;
    }

    /** 400x400 masks: drawn garments and upscaled Fashion-MNIST silhouettes. */
    static List<boolean[]> silhouettes() {
        List<boolean[]> masks = new ArrayList<>();
        for (DrawnGarments.Drawing d : List.of(DrawnGarments.T_SHIRT, DrawnGarments.TROUSERS, DrawnGarments.DRESS,
                DrawnGarments.BAG)) {
            BufferedImage drawn = DrawnGarments.render(d, Color.BLACK, Color.WHITE, 400, 400, 0, 0, false);
            boolean[] mask = new boolean[400 * 400];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (drawn.getRGB(i % 400, i / 400) & 0xFF) < 128;
            }
            masks.add(mask);
        }
        for (String file : List.of("test-00001.png", "test-00004.png", "test-00013.png", "test-00019.png")) {
            byte[] pixels = TestImages.fixtures().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow().pixels();
            BufferedImage up = TestImages.photo(pixels, 14, Color.BLACK, Color.WHITE, 400, 400, 4, 4, false);
            boolean[] mask = new boolean[400 * 400];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (up.getRGB(i % 400, i / 400) & 0xFF) < 150;
            }
            masks.add(mask);
        }
        return masks;
    }

    private static int contrasting(String name, List<String> names, Random random) {
        while (true) {
            String other = names.get(random.nextInt(names.size()));
            if (!other.equals(name) && Lab.fromRgb(CataloguePalette.REFERENCES.get(other))
                    .distance(Lab.fromRgb(CataloguePalette.REFERENCES.get(name))) > 40) {
                return CataloguePalette.REFERENCES.get(other);
            }
        }
    }

    static BufferedImage render(boolean[] mask, int fill, int second, String pattern, Color background, Random random,
                                int variant) {
        int width = 560;
        int height = 500;
        int ox = 20 + random.nextInt(130);
        int oy = 10 + random.nextInt(90);
        BufferedImage image = new BufferedImage(width, height,
                background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        double angle = Math.toRadians(new int[] {0, 30, 90, 135}[random.nextInt(4)]);
        double period = new int[] {16, 28, 44}[variant];
        List<int[]> blobs = new ArrayList<>();
        int[] printColours = {second, 0xf5f5f3, 0x2e8b3d, 0xf3d23b};
        for (int i = 0; i < 70; i++) {
            blobs.add(new int[] {random.nextInt(400), random.nextInt(400), 8 + random.nextInt(18), random.nextInt(4)});
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int mx = x - ox;
                int my = y - oy;
                boolean garment = mx >= 0 && my >= 0 && mx < 400 && my < 400 && mask[my * 400 + mx];
                if (!garment) {
                    image.setRGB(x, y, background == null ? 0 : background.getRGB());
                    continue;
                }
                int colour = fill;
                double u = mx * Math.cos(angle) + my * Math.sin(angle);
                double v = -mx * Math.sin(angle) + my * Math.cos(angle);
                switch (pattern) {
                    case "striped" -> colour = (u % period + period) % period < period * 0.62 ? fill : second;
                    case "checked" -> {
                        // Squares of the second colour on a grid: a quarter of the cloth, edges both ways.
                        boolean column = (u % period + period) % period < period * 0.5;
                        boolean row = (v % period + period) % period < period * 0.5;
                        colour = column && row ? second : fill;
                    }
                    case "printed" -> {
                        for (int[] blob : blobs) {
                            if (Math.hypot(mx - blob[0], my - blob[1]) < blob[2]) {
                                colour = printColours[blob[3]];
                                break;
                            }
                        }
                    }
                    default -> { }
                }
                // Smooth shading across the garment plus pixel noise.
                double shade = 0.86 + 0.24 * (mx / 400.0) - 0.08 * Math.sin(my / 60.0) + random.nextGaussian() * 0.025;
                image.setRGB(x, y, 0xFF000000 | shade(colour, shade));
            }
        }
        return image;
    }

    private static int shade(int rgb, double factor) {
        int r = clamp(((rgb >> 16) & 0xFF) * factor);
        int g = clamp(((rgb >> 8) & 0xFF) * factor);
        int b = clamp((rgb & 0xFF) * factor);
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
