package com.example.garmentclassifier.training;

import com.example.garmentclassifier.inference.engine.InferenceEngine;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Replaces a training batch's one-hot labels by the {@link Distillation} mix of teacher and label.
 * The teacher is asked on the batch as augmented, so the student learns what the teacher believes
 * of the very image it sees. The network's cross-entropy loss takes any target distribution, so the
 * soft targets reach the loss without a loss function of our own.
 */
public final class SoftTargets {

    /** Keeps log(p) finite for classes the teacher rules out entirely. */
    private static final double FLOOR = 1e-12;

    private final InferenceEngine teacher;
    private final Distillation distillation;

    /** @param teacher asked as given (the caller wraps it as served and closes it) */
    public SoftTargets(InferenceEngine teacher, Distillation distillation) {
        this.teacher = teacher;
        this.distillation = distillation;
    }

    /** The batch with its labels replaced by the mixed targets; the features are untouched. */
    public DataSet apply(DataSet batch) {
        INDArray features = batch.getFeatures();
        int n = (int) features.size(0);
        float[][] inputs = features.reshape('c', n, GarmentImages.PIXELS).toFloatMatrix();
        float[][] targets = mix(teacher.predict(inputs), batch.getLabels().toFloatMatrix(),
                distillation.softWeight(), distillation.temperature());
        return new DataSet(features, Nd4j.create(targets));
    }

    /**
     * @param teacher one row of class probabilities per image
     * @param labels  one-hot rows (or any distribution) of the same shape
     * @return {@code softWeight * soften(teacher, temperature) + (1 - softWeight) * labels}, row by row
     */
    static float[][] mix(float[][] teacher, float[][] labels, double softWeight, double temperature) {
        float[][] targets = new float[teacher.length][];
        for (int i = 0; i < teacher.length; i++) {
            double[] soft = soften(teacher[i], temperature);
            float[] row = new float[soft.length];
            for (int c = 0; c < soft.length; c++) {
                row[c] = (float) (softWeight * soft[c] + (1 - softWeight) * labels[i][c]);
            }
            targets[i] = row;
        }
        return targets;
    }

    /** p^(1/T) renormalised: the softmax of the teacher's log-probabilities divided by T. */
    static double[] soften(float[] probabilities, double temperature) {
        double[] logits = new double[probabilities.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logits.length; c++) {
            logits[c] = Math.log(Math.max(probabilities[c], FLOOR)) / temperature;
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        double[] soft = new double[logits.length];
        for (int c = 0; c < logits.length; c++) {
            soft[c] = Math.exp(logits[c] - max);
            sum += soft[c];
        }
        for (int c = 0; c < soft.length; c++) {
            soft[c] /= sum;
        }
        return soft;
    }
}
