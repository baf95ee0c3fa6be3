package com.example.garmentclassifier.training;

import com.example.garmentclassifier.inference.engine.TemperatureScaledEngine;
import com.example.garmentclassifier.store.ModelMetadata;

/**
 * Temperature scaling: the single temperature T that minimises the negative log-likelihood of the
 * true labels under softmax(log p / T), found by golden-section search on log T over [1/20, 20]
 * (the likelihood is unimodal in T). Fitted on validation images, never on the test set.
 */
final class TemperatureFit {

    private static final double LOWEST = Math.log(0.05);
    private static final double HIGHEST = Math.log(20);
    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;

    private TemperatureFit() {
    }

    static double fit(float[][] probabilities, int[] labels) {
        double low = LOWEST;
        double high = HIGHEST;
        double a = high - GOLDEN * (high - low);
        double b = low + GOLDEN * (high - low);
        double fa = negativeLogLikelihood(probabilities, labels, Math.exp(a));
        double fb = negativeLogLikelihood(probabilities, labels, Math.exp(b));
        for (int step = 0; step < 60; step++) {
            if (fa < fb) {
                high = b;
                b = a;
                fb = fa;
                a = high - GOLDEN * (high - low);
                fa = negativeLogLikelihood(probabilities, labels, Math.exp(a));
            } else {
                low = a;
                a = b;
                fa = fb;
                b = low + GOLDEN * (high - low);
                fb = negativeLogLikelihood(probabilities, labels, Math.exp(b));
            }
        }
        return Math.exp((low + high) / 2);
    }

    /**
     * The temperature fitted on the validation probabilities, and the expected calibration error of the
     * test probabilities before and after it (all as served, as uploads).
     */
    static ModelMetadata.Calibration calibration(float[][] validation, int[] validationLabels, float[][] test,
                                                 int[] testLabels, String fittedOn) {
        double temperature = fit(validation, validationLabels);
        float[][] calibrated = new float[test.length][];
        for (int i = 0; i < calibrated.length; i++) {
            calibrated[i] = TemperatureScaledEngine.scale(test[i], temperature);
        }
        return new ModelMetadata.Calibration(round(temperature),
                round(ConfidenceBins.of(test, testLabels).expectedCalibrationError()),
                round(ConfidenceBins.of(calibrated, testLabels).expectedCalibrationError()),
                fittedOn, "test images as uploads, " + ConfidenceBins.BINS + " bins");
    }

    private static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }

    static double negativeLogLikelihood(float[][] probabilities, int[] labels, double temperature) {
        double total = 0;
        for (int i = 0; i < probabilities.length; i++) {
            float[] scaled = TemperatureScaledEngine.scale(probabilities[i], temperature);
            total -= Math.log(Math.max(1e-30, scaled[labels[i]]));
        }
        return total / Math.max(1, probabilities.length);
    }
}
