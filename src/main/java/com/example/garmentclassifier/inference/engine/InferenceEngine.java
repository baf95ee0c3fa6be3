package com.example.garmentclassifier.inference.engine;

/**
 * Class probabilities for a batch of prepared images: the one thing serving and evaluation ask of
 * a model, whatever runs it. Implementations know nothing of HTTP and are safe to call from several
 * threads at once.
 */
public interface InferenceEngine extends AutoCloseable {

    /**
     * @param images one array per image, each {@link ImageShape#pixels()} values in [0, 1], row-major
     *               (height, width, channels), as the network was trained on
     * @return one row of class probabilities per image, in the order given
     */
    float[][] predict(float[][] images);

    /** Which runtime computes the answers, as reported to clients ("onnxruntime", "dl4j"). */
    String name();

    /** Frees native memory; the engine must not be used afterwards. */
    @Override
    void close();
}
