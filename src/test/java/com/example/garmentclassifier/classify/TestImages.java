package com.example.garmentclassifier.classify;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Fixture access and the photo-style variants tests upload. */
public final class TestImages {

    /** One committed Fashion-MNIST fixture. */
    public record Fixture(String file, int classIndex, String label, byte[] pixels) {
    }

    private TestImages() {
    }

    public static List<Fixture> fixtures() {
        List<Fixture> fixtures = new ArrayList<>();
        try (InputStream in = resource("fashion-mnist/fixtures.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].trim().split(",");
                fixtures.add(new Fixture(f[0], Integer.parseInt(f[2]), f[3], pixels(f[0])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixtures;
    }

    public static byte[] fixtureBytes(String file) {
        try (InputStream in = resource("fashion-mnist/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] pixels(String file) throws IOException {
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(fixtureBytes(file)));
        byte[] pixels = new byte[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                // The samples, as the data set has them: getRGB would brighten them (it takes grey as linear).
                pixels[y * 28 + x] = (byte) image.getRaster().getSample(x, y, 0);
            }
        }
        return pixels;
    }

    private static InputStream resource(String path) {
        InputStream in = TestImages.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }

    /**
     * A product-photo-like rendering of a Fashion-MNIST image: upscaled {@code scale} times (bilinear),
     * garment drawn in {@code garment} colour on {@code background} (null = transparent), at
     * ({@code x}, {@code y}) of a {@code width} x {@code height} canvas, optionally mirrored.
     */
    public static BufferedImage photo(byte[] pixels, int scale, Color garment, Color background,
                                      int width, int height, int x, int y, boolean mirror) {
        int side = 28 * scale;
        BufferedImage image = new BufferedImage(width, height,
                background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int py = 0; py < height; py++) {
            for (int px = 0; px < width; px++) {
                image.setRGB(px, py, background == null ? 0 : background.getRGB());
            }
        }
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                double sx = mirror ? (side - 1 - px) : px;
                double v = bilinear(pixels, (sx + 0.5) / scale - 0.5, (py + 0.5) / scale - 0.5);
                int rgb;
                if (background == null) {
                    rgb = ((int) Math.round(v * 255) << 24) | (garment.getRGB() & 0xFFFFFF);
                } else {
                    rgb = 0xFF000000 | mix(background, garment, v);
                }
                if (x + px < width && y + py < height) {
                    image.setRGB(x + px, y + py, rgb);
                }
            }
        }
        return image;
    }

    private static double bilinear(byte[] pixels, double fx, double fy) {
        return bilinear28((x, y) -> (pixels[y * 28 + x] & 0xFF) / 255.0, fx, fy);
    }

    /** A value of a 28x28 image at whole pixel coordinates. */
    @FunctionalInterface
    public interface Image28 {
        double at(int x, int y);
    }

    /** Bilinear sample of a 28x28 image at (fx, fy) in pixel coordinates, clamped to its edges. */
    public static double bilinear28(Image28 image, double fx, double fy) {
        fx = Math.max(0, Math.min(27, fx));
        fy = Math.max(0, Math.min(27, fy));
        int x0 = (int) fx;
        int y0 = (int) fy;
        int x1 = Math.min(27, x0 + 1);
        int y1 = Math.min(27, y0 + 1);
        double tx = fx - x0;
        double ty = fy - y0;
        double top = (1 - tx) * image.at(x0, y0) + tx * image.at(x1, y0);
        double bottom = (1 - tx) * image.at(x0, y1) + tx * image.at(x1, y1);
        return (1 - ty) * top + ty * bottom;
    }

    private static int mix(Color from, Color to, double t) {
        int r = (int) Math.round(from.getRed() * (1 - t) + to.getRed() * t);
        int g = (int) Math.round(from.getGreen() * (1 - t) + to.getGreen() * t);
        int b = (int) Math.round(from.getBlue() * (1 - t) + to.getBlue() * t);
        return (r << 16) | (g << 8) | b;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format + " / image type " + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The original 28x28 image as the model sees it, for comparing preprocessing output. */
    public static float[] normalised(byte[] pixels) {
        float[] out = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = (pixels[i] & 0xFF) / 255f;
        }
        return out;
    }

    /**
     * Best correlation of two 28x28 images over shifts of up to one pixel: the data set's own centring
     * rounds differently by a pixel now and then, which the model is trained to ignore.
     */
    public static double alignedCorrelation(float[] a, float[] b) {
        double best = -1;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                float[] shifted = new float[b.length];
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        int sx = x - dx;
                        int sy = y - dy;
                        if (sx >= 0 && sx < 28 && sy >= 0 && sy < 28) {
                            shifted[y * 28 + x] = b[sy * 28 + sx];
                        }
                    }
                }
                best = Math.max(best, correlation(a, shifted));
            }
        }
        return best;
    }

    /** Pearson correlation of two images. */
    public static double correlation(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < a.length; i++) {
            cov += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    /** The JPEG with an EXIF block (APP1, big-endian TIFF, one IFD entry) giving {@code orientation} (1-8). */
    public static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        java.nio.ByteBuffer tiff = java.nio.ByteBuffer.allocate(26)
                .put(new byte[] {'M', 'M', 0, 42}).putInt(8)          // header, first IFD at offset 8
                .putShort((short) 1)                                 // one entry
                .putShort((short) 274).putShort((short) 3).putInt(1) // Orientation, SHORT, count 1
                .putShort((short) orientation).putShort((short) 0)   // value, padded to 4 bytes
                .putInt(0);                                          // no next IFD
        byte[] identifier = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + identifier.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);                                       // SOI
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(identifier);
        out.writeBytes(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
