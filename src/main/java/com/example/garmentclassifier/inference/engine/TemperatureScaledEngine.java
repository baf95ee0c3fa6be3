package com.example.garmentclassifier.inference.engine;

/**
 * Calibrated probabilities: each row of the wrapped engine's probabilities p becomes
 * softmax(log p / T). A temperature above 1 softens an over-confident model, below 1 sharpens an
 * under-confident one; the most likely class never changes, so accuracy does not either. The
 * temperature is fitted on the validation images when a version is trained or calibrated.
 */
public final class TemperatureScaledEngine implements InferenceEngine {

    /** Keeps log p finite for probabilities that underflowed to 0. */
    private static final double FLOOR = 1e-30;

    private final InferenceEngine engine;
    private final double temperature;

    public TemperatureScaledEngine(InferenceEngine engine, double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("a temperature must be positive and finite, was " + temperature);
        }
        this.engine = engine;
        this.temperature = temperature;
    }

    public static float[] scale(float[] probabilities, double temperature) {
        double[] logits = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.log(Math.max(FLOOR, probabilities[c])) / temperature;
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        float[] scaled = new float[logits.length];
        for (int c = 0; c < logits.length; c++) {
            scaled[c] = (float) (logits[c] / sum);
        }
        return scaled;
    }

    @Override
    public float[][] predict(float[][] images) {
        float[][] output = engine.predict(images);
        float[][] scaled = new float[output.length][];
        for (int i = 0; i < output.length; i++) {
            scaled[i] = scale(output[i], temperature);
        }
        return scaled;
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
