package com.example.garmentclassifier.inference.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.example.garmentclassifier.inference.engine.ImageShape;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ParityProbesTest {

    private static final Path ORIGINAL = Path.of("/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz");

    @Test
    void garmentsThenBlackWhiteAndNoiseAllInUnitRange() {
        float[][] probes = ParityProbes.standard();

        assertEquals(ParityProbes.GARMENTS + 2 + ParityProbes.NOISE_IMAGES, probes.length);
        for (float[] probe : probes) {
            assertEquals(ImageShape.GARMENT.pixels(), probe.length);
            for (float value : probe) {
                assertTrue(value >= 0f && value <= 1f, "value " + value);
            }
        }
        assertEquals(0f, max(probes[ParityProbes.GARMENTS]));
        assertEquals(1f, min(probes[ParityProbes.GARMENTS + 1]));
    }

    @Test
    void probeSetIsTheSameOnEveryLoad() {
        assertArrayEquals(ParityProbes.standard(), ParityProbes.standard());
    }

    @Test
    void bundledGarmentsAreTheFirstTestImagesOfFashionMnist() throws IOException {
        assumeTrue(Files.isReadable(ORIGINAL), "the Fashion-MNIST data set is installed");
        float[][] garments = ParityProbes.garments();

        try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(ORIGINAL)))) {
            in.skipNBytes(16);
            byte[] pixels = new byte[ImageShape.GARMENT.pixels()];
            for (float[] garment : garments) {
                in.readFully(pixels);
                for (int p = 0; p < pixels.length; p++) {
                    assertEquals((pixels[p] & 0xFF) / 255f, garment[p]);
                }
            }
        }
    }

    private static float max(float[] values) {
        float max = Float.NEGATIVE_INFINITY;
        for (float value : values) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static float min(float[] values) {
        float min = Float.POSITIVE_INFINITY;
        for (float value : values) {
            min = Math.min(min, value);
        }
        return min;
    }
}
