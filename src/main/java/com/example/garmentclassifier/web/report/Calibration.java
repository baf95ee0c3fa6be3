package com.example.garmentclassifier.web.report;

import com.example.garmentclassifier.model.engine.Probabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * How far confidence can be taken at its word: predictions grouped into equal-width bins of top-class
 * probability, each bin's mean confidence against its accuracy, and the expected calibration error
 * (the bins' gaps weighted by their share of predictions).
 */
record Calibration(List<Svg.Bin> bins, double expectedCalibrationError) {

    static final int BINS = 15;

    static Calibration of(float[][] probabilities, int[] labels) {
        int[] counts = new int[BINS];
        double[] confidence = new double[BINS];
        int[] correct = new int[BINS];
        for (int i = 0; i < probabilities.length; i++) {
            int predicted = Probabilities.mostLikely(probabilities[i]);
            double top = probabilities[i][predicted];
            int bin = Math.min(BINS - 1, (int) (top * BINS));
            counts[bin]++;
            confidence[bin] += top;
            if (predicted == labels[i]) {
                correct[bin]++;
            }
        }
        List<Svg.Bin> bins = new ArrayList<>(BINS);
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            double meanConfidence = counts[b] == 0 ? 0 : confidence[b] / counts[b];
            double accuracy = counts[b] == 0 ? 0 : (double) correct[b] / counts[b];
            bins.add(new Svg.Bin((double) b / BINS, (double) (b + 1) / BINS, counts[b], meanConfidence, accuracy));
            error += probabilities.length == 0 ? 0 : (double) counts[b] / probabilities.length
                    * Math.abs(accuracy - meanConfidence);
        }
        return new Calibration(bins, error);
    }
}
