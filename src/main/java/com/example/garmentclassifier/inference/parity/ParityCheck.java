package com.example.garmentclassifier.inference.parity;

import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.Probabilities;
import java.util.Arrays;

/**
 * Compares a candidate engine with the reference one on the same probes, so that a converted
 * model is only served once it answers as the trained network does.
 */
public final class ParityCheck {

    /**
     * Largest accepted difference of any probability. Float32 kernels that sum in another order
     * differ by about 1e-6; a wrong layout or a misread parameter moves probabilities by far more.
     */
    public static final double TOLERANCE = 1e-4;

    /** Bounds the reference engine's working memory; the answers do not depend on it. */
    private static final int BATCH = 64;

    private ParityCheck() {
    }

    public static ParityReport compare(InferenceEngine reference, InferenceEngine candidate, float[][] probes) {
        double maxDifference = 0;
        int mismatches = 0;
        for (int start = 0; start < probes.length; start += BATCH) {
            float[][] batch = Arrays.copyOfRange(probes, start, Math.min(probes.length, start + BATCH));
            float[][] expected = reference.predict(batch);
            float[][] actual = candidate.predict(batch);
            checkSameShape(expected, actual, batch.length, reference, candidate);
            for (int i = 0; i < batch.length; i++) {
                // Math.max propagates NaN, so a NaN from either engine fails the check.
                maxDifference = Math.max(maxDifference, maxAbsDifference(expected[i], actual[i]));
                if (Probabilities.mostLikely(expected[i]) != Probabilities.mostLikely(actual[i])) {
                    mismatches++;
                }
            }
        }
        return new ParityReport(probes.length, maxDifference, mismatches);
    }

    private static double maxAbsDifference(float[] expected, float[] actual) {
        double max = 0;
        for (int c = 0; c < expected.length; c++) {
            max = Math.max(max, Math.abs((double) expected[c] - actual[c]));
        }
        return max;
    }

    private static void checkSameShape(float[][] expected, float[][] actual, int images,
                                       InferenceEngine reference, InferenceEngine candidate) {
        if (expected.length != images || actual.length != images) {
            throw new IllegalStateException(reference.name() + " returned " + expected.length + " rows and "
                    + candidate.name() + " " + actual.length + " for " + images + " images");
        }
        for (int i = 0; i < images; i++) {
            if (expected[i].length != actual[i].length) {
                throw new IllegalStateException(reference.name() + " returned " + expected[i].length
                        + " classes but " + candidate.name() + " " + actual[i].length);
            }
        }
    }
}
