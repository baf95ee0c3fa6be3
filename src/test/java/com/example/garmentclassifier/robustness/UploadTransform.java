package com.example.garmentclassifier.robustness;

import com.example.garmentclassifier.classify.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What real uploads do to a garment photo, each applied alone to a catalogue-style rendering of a
 * test image (navy garment, 4x, on a white canvas): the robustness report's columns. Deterministic
 * for a given image index, so the report is reproducible.
 */
public enum UploadTransform {

    CLEAN("as rendered"),
    ROTATED("rotated 12 degrees, alternately either way"),
    SMALLER("garment scaled to 60 % of the canvas"),
    BLURRED("Gaussian blur, sigma 1.5 px (garment 112 px tall)"),
    JPEG_Q30("saved as JPEG, quality 30"),
    NOISY("Gaussian noise, sigma 20 grey levels per channel"),
    OUTLINE("outline only (edges of the garment, 2 px)"),
    SILHOUETTE("flat single-colour silhouette"),
    MIRRORED("mirrored left-right");

    static final int SCALE = 4;
    static final int CANVAS = 28 * SCALE + 24;
    private static final Color GARMENT = new Color(28, 38, 84);

    private final String description;

    UploadTransform(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The upload's bytes: the rendering, transformed, encoded (PNG, or JPEG for {@link #JPEG_Q30}). */
    public byte[] upload(byte[] pixels, int index) {
        BufferedImage image = switch (this) {
            case SILHOUETTE -> render(threshold(pixels, 0.15), 1.0);
            case OUTLINE -> outline(render(threshold(pixels, 0.15), 1.0), 2);
            case SMALLER -> render(pixels, 0.6);
            default -> render(pixels, 1.0);
        };
        image = switch (this) {
            case ROTATED -> rotate(image, index % 2 == 0 ? 12 : -12);
            case BLURRED -> blur(image);
            case NOISY -> noise(image, new Random(index));
            case MIRRORED -> mirror(image);
            default -> image;
        };
        return this == JPEG_Q30 ? jpeg(image, 0.3f) : png(image);
    }

    /** The garment (intensity = darkness) drawn centred on white, its 28 px frame scaled to {@code share} of 112 px. */
    private static BufferedImage render(double[] intensity, double share) {
        BufferedImage image = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_RGB);
        int side = (int) Math.round(28 * SCALE * share);
        int offset = (CANVAS - side) / 2;
        for (int y = 0; y < CANVAS; y++) {
            for (int x = 0; x < CANVAS; x++) {
                double v = 0;
                if (x >= offset && x < offset + side && y >= offset && y < offset + side) {
                    v = TestImages.bilinear28((px, py) -> intensity[py * 28 + px], (x - offset + 0.5) * 28.0 / side - 0.5,
                            (y - offset + 0.5) * 28.0 / side - 0.5);
                }
                image.setRGB(x, y, mix(Color.WHITE, GARMENT, v));
            }
        }
        return image;
    }

    private static BufferedImage render(byte[] pixels, double share) {
        double[] intensity = new double[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            intensity[i] = (pixels[i] & 0xFF) / 255.0;
        }
        return render(intensity, share);
    }

    private static BufferedImage render(boolean[] mask, double share) {
        double[] intensity = new double[mask.length];
        for (int i = 0; i < mask.length; i++) {
            intensity[i] = mask[i] ? 1 : 0;
        }
        return render(intensity, share);
    }

    private static boolean[] threshold(byte[] pixels, double level) {
        boolean[] mask = new boolean[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            mask[i] = (pixels[i] & 0xFF) / 255.0 > level;
        }
        return mask;
    }

    /** Only the garment's edge: its pixels within {@code width} px of the background, on white. */
    private static BufferedImage outline(BufferedImage silhouette, int width) {
        int w = silhouette.getWidth();
        int h = silhouette.getHeight();
        boolean[] garment = new boolean[w * h];
        for (int i = 0; i < garment.length; i++) {
            garment[i] = (silhouette.getRGB(i % w, i / w) & 0xFF) < 172;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, garment[y * w + x] && nearBackground(garment, w, h, x, y, width)
                        ? GARMENT.getRGB() : Color.WHITE.getRGB());
            }
        }
        return out;
    }

    /** Whether a pixel has background (or the image's edge) within {@code width} pixels. */
    static boolean nearBackground(boolean[] garment, int w, int h, int x, int y, int width) {
        for (int dy = -width; dy <= width; dy++) {
            for (int dx = -width; dx <= width; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= w || ny >= h || !garment[ny * w + nx]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int mix(Color from, Color to, double t) {
        return (int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * t) << 16
                | (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * t) << 8
                | (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * t);
    }

    private static BufferedImage rotate(BufferedImage image, double degrees) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, AffineTransform.getRotateInstance(Math.toRadians(degrees), image.getWidth() / 2.0,
                image.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    private static BufferedImage blur(BufferedImage image) {
        int radius = 4;
        double sigma = 1.5;
        float[] kernel = new float[(2 * radius + 1) * (2 * radius + 1)];
        double sum = 0;
        for (int y = -radius; y <= radius; y++) {
            for (int x = -radius; x <= radius; x++) {
                double w = Math.exp(-(x * x + y * y) / (2 * sigma * sigma));
                kernel[(y + radius) * (2 * radius + 1) + x + radius] = (float) w;
                sum += w;
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] /= (float) sum;
        }
        // EDGE_NO_OP keeps the white border instead of the black that EDGE_ZERO_FILL would paint.
        return new ConvolveOp(new Kernel(2 * radius + 1, 2 * radius + 1, kernel), ConvolveOp.EDGE_NO_OP, null)
                .filter(image, null);
    }

    private static BufferedImage noise(BufferedImage image, Random random) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = clamp(((rgb >> 16) & 0xFF) + random.nextGaussian() * 20);
                int g = clamp(((rgb >> 8) & 0xFF) + random.nextGaussian() * 20);
                int b = clamp((rgb & 0xFF) + random.nextGaussian() * 20);
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static BufferedImage mirror(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                out.setRGB(image.getWidth() - 1 - x, y, image.getRGB(x, y));
            }
        }
        return out;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
