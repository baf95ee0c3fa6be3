package com.example.garmentclassifier.training;

import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.image.PreparedImage;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Data-set images as /classify sees them: each is encoded as a PNG, then decoded and preprocessed
 * by the same classes, with the same settings, as an upload. Measuring a model through this path
 * scores what is served, including whatever preprocessing does to images already in the data
 * set's form (train/serve skew), instead of the tensors the model was trained on.
 */
public class UploadPath {

    private static final String NAME = "evaluation.png";
    private static final long MAX_PIXELS = GarmentImages.PIXELS;

    private final ImageDecoder decoder = new ImageDecoder(MAX_PIXELS);
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());

    /**
     * Model inputs of images {@code from} (inclusive) to {@code to} (exclusive), as served. Prepared on every core:
     * each image is independent and the decoder and preprocessor keep no state between images (as for concurrent
     * uploads), so the inputs are the same in any order; scoring a version prepares 15,000 of them.
     */
    public float[][] inputs(GarmentImages images, int from, int to) {
        float[][] inputs = new float[to - from][];
        IntStream.range(from, to).parallel()
                .forEach(i -> inputs[i - from] = prepared(images.pixels()[i]).modelInput());
        return inputs;
    }

    /** One data-set image (28x28 grey levels, row-major) as an upload of it is prepared. */
    public PreparedImage prepared(byte[] pixels) {
        return preprocessor.prepare(decoder.decode(NAME, png(pixels)));
    }

    private static byte[] png(byte[] pixels) {
        BufferedImage image = new BufferedImage(GarmentImages.SIDE, GarmentImages.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
