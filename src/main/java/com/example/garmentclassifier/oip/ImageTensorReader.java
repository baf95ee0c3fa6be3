package com.example.garmentclassifier.oip;

import com.example.garmentclassifier.inference.engine.ImageShape;
import java.math.BigInteger;
import java.util.List;
import org.springframework.http.HttpStatus;


/**
 * Reads the protocol's input tensor into model inputs: N images of 28x28 pixels in [0, 1],
 * garment light on dark, as Fashion-MNIST stores them (FP32 as given, UINT8 divided by 255).
 * The data may be flat or nested, as the protocol allows; only its element count must match the
 * shape. Unlike /classify, nothing is decoded or preprocessed: the caller sends the data set's form.
 */
final class ImageTensorReader {

    static final String INPUT_NAME = "images";
    private static final int SIDE = 28;
    private static final int PIXELS = ImageShape.GARMENT.pixels();

    private final int maxImages;

    ImageTensorReader(int maxImages) {
        this.maxImages = maxImages;
    }

    float[][] read(List<InferenceRequest.Input> inputs) {
        if (inputs == null || inputs.size() != 1) {
            throw badRequest("Expected exactly one input tensor, '" + INPUT_NAME + "'");
        }
        InferenceRequest.Input input = inputs.get(0);
        if (input == null) {
            throw badRequest("The input tensor is null");
        }
        if (!INPUT_NAME.equals(input.name())) {
            throw badRequest("Unknown input '" + input.name() + "'; this model's input is '" + INPUT_NAME + "'");
        }
        int images = imageCount(input.shape());
        boolean bytes = datatype(input.datatype());
        if (input.data() == null) {
            throw badRequest("Input 'data' must be an array of " + images * PIXELS + " numbers");
        }
        float[][] pixels = new float[images][PIXELS];
        int filled = fill(input.data(), pixels, 0, bytes);
        if (filled != images * PIXELS) {
            throw badRequest("Input 'data' has " + filled + " elements; shape " + input.shape() + " needs "
                    + images * PIXELS);
        }
        return pixels;
    }

    private int imageCount(List<Long> shape) {
        boolean square = shape != null && shape.size() == 3 && Long.valueOf(SIDE).equals(shape.get(1))
                && Long.valueOf(SIDE).equals(shape.get(2));
        boolean flat = shape != null && shape.size() == 2 && Long.valueOf(PIXELS).equals(shape.get(1));
        if (!square && !flat) {
            throw badRequest("Input shape must be [N, 28, 28] or [N, 784], not " + shape);
        }
        Long n = shape.get(0);
        if (n == null || n < 1 || n > maxImages) {
            throw badRequest("Input shape's first dimension (images) must be 1 to " + maxImages + ", not " + n);
        }
        return n.intValue();
    }

    /** @return whether the pixels are bytes (0-255) rather than floats in [0, 1] */
    private static boolean datatype(String datatype) {
        if ("FP32".equals(datatype)) {
            return false;
        }
        if ("UINT8".equals(datatype)) {
            return true;
        }
        throw badRequest("Input datatype must be FP32 (pixels in [0, 1]) or UINT8 (pixels 0-255), not " + datatype);
    }

    /** Depth-first through nested arrays, in row-major order; stops storing past the expected size. */
    private int fill(List<?> values, float[][] pixels, int index, boolean bytes) {
        for (Object element : values) {
            if (element instanceof List<?> nested) {
                index = fill(nested, pixels, index, bytes);
                continue;
            }
            if (!(element instanceof Number number)) {
                throw badRequest("Input 'data' holds a non-number at element " + index);
            }
            if (index < pixels.length * PIXELS) {
                pixels[index / PIXELS][index % PIXELS] = pixel(number, bytes, index);
            }
            index++;
        }
        return index;
    }

    private static float pixel(Number element, boolean bytes, int index) {
        double value = element.doubleValue();
        if (bytes) {
            boolean integral = element instanceof Integer || element instanceof Long || element instanceof BigInteger;
            if (!integral || value < 0 || value > 255) {
                throw badRequest("UINT8 element " + index + " is " + element + "; UINT8 pixels are integers 0-255");
            }
            return (float) (value / 255.0);
        }
        if (!Double.isFinite(value) || value < 0 || value > 1) {
            throw badRequest("FP32 element " + index + " is " + element + "; FP32 pixels lie in [0, 1] (send UINT8"
                    + " for 0-255)");
        }
        return (float) value;
    }

    private static InferenceProtocolException badRequest(String message) {
        return new InferenceProtocolException(HttpStatus.BAD_REQUEST, message);
    }
}
