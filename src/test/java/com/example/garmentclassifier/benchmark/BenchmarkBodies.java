package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.classify.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The three request bodies of the serving benchmark, built from the committed test fixtures. */
public final class BenchmarkBodies {

    /** Fixed, so the body is byte-identical between runs; checked against every part below. */
    private static final String BOUNDARY = "garment-benchmark-3f9c1e0a7b5d";
    private static final int MULTIPART_IMAGES = 64;
    /** A T-shirt: a garment the catalogue-photo path (foreground detection, colours) handles fully. */
    private static final String PHOTO_FIXTURE = "test-00019.png";

    private BenchmarkBodies() {
    }

    /** (a) One 28x28 Fashion-MNIST PNG as the raw body: the cheapest request the service gets. */
    public static BenchmarkBody fashionMnistPng() {
        return new BenchmarkBody("png-28", "28x28 Fashion-MNIST PNG, raw body", "image/png",
                TestImages.fixtureBytes("test-00000.png"), 1);
    }

    /**
     * (b) A catalogue-style product shot as the raw body: the fixture garment scaled 20x (560 px)
     * in navy on a white 640x560 canvas, JPEG-encoded, so decoding and foreground detection cost
     * what a seller's upload costs.
     */
    public static BenchmarkBody cataloguePhotoJpeg() {
        byte[] pixels = fixturePixels(PHOTO_FIXTURE);
        byte[] jpeg = TestImages.encode(TestImages.photo(pixels, 20, new Color(31, 42, 79), Color.WHITE,
                640, 560, 40, 0, false), "jpeg");
        return new BenchmarkBody("jpeg-640", "640x560 catalogue-style JPEG, raw body", "image/jpeg", jpeg, 1);
    }

    /**
     * (c) One multipart/form-data request with 64 parts named {@code file}: the 40 fixture PNGs,
     * cycled, which is the most images one request may carry by default.
     */
    public static BenchmarkBody multipartOf64Pngs() {
        List<TestImages.Fixture> fixtures = TestImages.fixtures();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < MULTIPART_IMAGES; i++) {
            String file = fixtures.get(i % fixtures.size()).file();
            byte[] png = TestImages.fixtureBytes(file);
            if (contains(png, BOUNDARY.getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalStateException("multipart boundary occurs inside " + file);
            }
            write(body, "--" + BOUNDARY + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file + "\"\r\n"
                    + "Content-Type: image/png\r\n\r\n");
            body.writeBytes(png);
            write(body, "\r\n");
        }
        write(body, "--" + BOUNDARY + "--\r\n");
        return new BenchmarkBody("multipart-64", "64 28x28 PNGs in one multipart/form-data request",
                "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray(), MULTIPART_IMAGES);
    }

    private static byte[] fixturePixels(String file) {
        return TestImages.fixtures().stream().filter(f -> f.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no fixture " + file)).pixels();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean contains(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A phone-camera-sized JPEG just under the default pixel limit (6000x6000 = 36M of 40M): a
     * navy garment shape on white. Cheap in bytes, expensive to decode: the near-limit case for memory.
     */
    public static BenchmarkBody nearPixelLimitJpeg() {
        BufferedImage image = new BufferedImage(6000, 6000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 6000, 6000);
        g.setColor(new Color(31, 42, 79));
        g.fillRoundRect(1500, 900, 3000, 4400, 400, 400);
        g.fillRect(700, 900, 4600, 1300);
        g.dispose();
        return new BenchmarkBody("jpeg-36mp", "6000x6000 JPEG (36 M pixels, limit 40 M), raw body", "image/jpeg",
                TestImages.encode(image, "jpeg"), 1);
    }

    /** A PNG of noise just under the default byte limit (about 9.7 of 10 MB): the near-limit case for upload size. */
    public static BenchmarkBody nearByteLimitPng() {
        BufferedImage image = new BufferedImage(1800, 1800, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        byte[] png = TestImages.encode(image, "png");
        if (png.length > 10 * 1024 * 1024) {
            throw new IllegalStateException("near-limit PNG is over the limit: " + png.length + " bytes");
        }
        return new BenchmarkBody("png-9.7mb", "1800x1800 noise PNG (" + png.length / 1024 + " KB, limit 10 MB), raw body",
                "image/png", png, 1);
    }
}
