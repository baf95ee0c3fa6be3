package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.engine.TemperatureScaledEngine;

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

    static double negativeLogLikelihood(float[][] probabilities, int[] labels, double temperature) {
        double total = 0;
        for (int i = 0; i < probabilities.length; i++) {
            float[] scaled = TemperatureScaledEngine.scale(probabilities[i], temperature);
            total -= Math.log(Math.max(1e-30, scaled[labels[i]]));
        }
        return total / Math.max(1, probabilities.length);
    }
}
