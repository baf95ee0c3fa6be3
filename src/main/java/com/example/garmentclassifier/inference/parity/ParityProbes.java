package com.example.garmentclassifier.inference.parity;

import com.example.garmentclassifier.inference.engine.ImageShape;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The fixed images on which a converted model must agree with DL4J: real garments from
 * Fashion-MNIST's test set (bundled, see {@code parity/README.md}) plus inputs no photo would
 * give, where a layout or padding mistake shows most (flat black, flat white, seeded noise).
 */
public final class ParityProbes {

    static final String RESOURCE = "/parity/fashion-mnist-t10k-first300-idx3-ubyte.gz";
    static final int GARMENTS = 300;
    static final int NOISE_IMAGES = 3;
    private static final long NOISE_SEED = 20261124L;
    private static final int IDX_IMAGES_MAGIC = 0x00000803;

    private ParityProbes() {
    }

    /** Garments first, then black, white and the noise images; every value in [0, 1]. */
    public static float[][] standard() {
        float[][] garments = garments();
        float[][] probes = Arrays.copyOf(garments, garments.length + 2 + NOISE_IMAGES);
        int next = garments.length;
        probes[next++] = filled(0f);
        probes[next++] = filled(1f);
        SplittableRandom random = new SplittableRandom(NOISE_SEED);
        for (int i = 0; i < NOISE_IMAGES; i++) {
            probes[next++] = noise(random);
        }
        return probes;
    }

    static float[][] garments() {
        InputStream resource = ParityProbes.class.getResourceAsStream(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException("parity probe resource " + RESOURCE + " is missing from the classpath");
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(resource))) {
            int magic = in.readInt();
            int count = in.readInt();
            int rows = in.readInt();
            int cols = in.readInt();
            ImageShape shape = ImageShape.GARMENT;
            if (magic != IDX_IMAGES_MAGIC || count != GARMENTS || rows != shape.height() || cols != shape.width()) {
                throw new IllegalStateException("parity probe resource " + RESOURCE + " has an unexpected header");
            }
            byte[] pixels = new byte[shape.pixels()];
            float[][] images = new float[count][];
            for (int i = 0; i < count; i++) {
                in.readFully(pixels);
                images[i] = toUnitRange(pixels);
            }
            return images;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read parity probes from " + RESOURCE, e);
        }
    }

    private static float[] toUnitRange(byte[] pixels) {
        float[] image = new float[pixels.length];
        for (int p = 0; p < pixels.length; p++) {
            image[p] = (pixels[p] & 0xFF) / 255f;
        }
        return image;
    }

    private static float[] filled(float value) {
        float[] image = new float[ImageShape.GARMENT.pixels()];
        Arrays.fill(image, value);
        return image;
    }

    private static float[] noise(SplittableRandom random) {
        float[] image = new float[ImageShape.GARMENT.pixels()];
        for (int p = 0; p < image.length; p++) {
            image[p] = (float) random.nextDouble();
        }
        return image;
    }
}
