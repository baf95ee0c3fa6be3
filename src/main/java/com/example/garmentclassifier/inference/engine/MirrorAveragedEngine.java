package com.example.garmentclassifier.inference.engine;

/**
 * How every model version is asked for probabilities, in serving and in evaluation alike, whatever
 * engine runs it: the mean of the answers for the image and for its left-right mirror. A garment's
 * category does not depend on which way it faces (sellers' shoes point either way, the data set's
 * mostly left), and averaging both views makes the answer the same for both and more accurate.
 * Both views go to the engine in one batch.
 */
public final class MirrorAveragedEngine implements InferenceEngine {

    private final InferenceEngine engine;
    private final ImageShape shape;

    public MirrorAveragedEngine(InferenceEngine engine, ImageShape shape) {
        this.engine = engine;
        this.shape = shape;
    }

    @Override
    public float[][] predict(float[][] images) {
        int n = images.length;
        float[][] both = new float[2 * n][];
        for (int i = 0; i < n; i++) {
            both[i] = images[i];
            both[n + i] = mirrored(images[i]);
        }
        float[][] output = engine.predict(both);
        float[][] averaged = new float[n][];
        for (int i = 0; i < n; i++) {
            float[] original = output[i];
            float[] flipped = output[n + i];
            float[] mean = new float[original.length];
            for (int c = 0; c < mean.length; c++) {
                mean[c] = (original[c] + flipped[c]) / 2;
            }
            averaged[i] = mean;
        }
        return averaged;
    }

    /** The image with its columns reversed (row-major height, width, channels). */
    float[] mirrored(float[] image) {
        int width = shape.width();
        int channels = shape.channels();
        float[] result = new float[image.length];
        for (int y = 0; y < shape.height(); y++) {
            int row = y * width * channels;
            for (int x = 0; x < width; x++) {
                System.arraycopy(image, row + x * channels, result, row + (width - 1 - x) * channels, channels);
            }
        }
        return result;
    }

    @Override
    public String name() {
        return engine.name();
    }

    @Override
    public void close() {
        engine.close();
    }
}
