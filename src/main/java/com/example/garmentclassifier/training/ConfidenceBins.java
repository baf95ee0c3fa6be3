package com.example.garmentclassifier.training;

import com.example.garmentclassifier.inference.engine.Probabilities;
import java.util.ArrayList;
import java.util.List;

/**
 * How far confidence can be taken at its word: predictions grouped into equal-width bins of top-class
 * probability, each bin's mean confidence against its accuracy, and the expected calibration error
 * (the bins' gaps weighted by their share of predictions). Drawn by the model report, recorded by
 * calibration.
 */
public record ConfidenceBins(List<Bin> bins, double expectedCalibrationError) {

    public static final int BINS = 15;

    /** One bin: its range, how many predictions fell in it, their mean confidence and accuracy. */
    public record Bin(double from, double to, int count, double confidence, double accuracy) {
    }

    public static ConfidenceBins of(float[][] probabilities, int[] labels) {
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
        List<Bin> bins = new ArrayList<>(BINS);
        double error = 0;
        for (int b = 0; b < BINS; b++) {
            double meanConfidence = counts[b] == 0 ? 0 : confidence[b] / counts[b];
            double accuracy = counts[b] == 0 ? 0 : (double) correct[b] / counts[b];
            bins.add(new Bin((double) b / BINS, (double) (b + 1) / BINS, counts[b], meanConfidence, accuracy));
            error += probabilities.length == 0 ? 0 : (double) counts[b] / probabilities.length
                    * Math.abs(accuracy - meanConfidence);
        }
        return new ConfidenceBins(bins, error);
    }
}
