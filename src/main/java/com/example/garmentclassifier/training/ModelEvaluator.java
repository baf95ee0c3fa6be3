package com.example.garmentclassifier.training;

import java.util.ArrayList;
import java.util.List;
import com.example.garmentclassifier.model.EvaluationReport;
import com.example.garmentclassifier.model.MirrorAveragedInference;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Measures a network on a labelled image set, asking it exactly as serving does (mirror-averaged). */
public class ModelEvaluator {

    private static final int BATCH = 500;

    public EvaluationReport evaluate(MultiLayerNetwork network, GarmentImages images) {
        int classes = BatchAssembler.CLASSES;
        int[][] confusion = new int[classes][classes];
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            INDArray predicted = MirrorAveragedInference.probabilities(network,
                    BatchAssembler.features(images.pixels(), from, to)).argMax(1);
            for (int i = from; i < to; i++) {
                confusion[images.labels()[i]][predicted.getInt(i - from)]++;
            }
        }
        return report(confusion);
    }

    /** Accuracy alone, for the per-epoch checks during training. */
    public double accuracy(MultiLayerNetwork network, GarmentImages images) {
        return evaluate(network, images).accuracy();
    }

    static EvaluationReport report(int[][] confusion) {
        int classes = confusion.length;
        int total = 0;
        int correct = 0;
        List<EvaluationReport.ClassMetrics> perClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            int truePositives = confusion[c][c];
            int support = 0;
            int predictedAs = 0;
            for (int k = 0; k < classes; k++) {
                support += confusion[c][k];
                predictedAs += confusion[k][c];
            }
            total += support;
            correct += truePositives;
            double precision = predictedAs == 0 ? 0 : (double) truePositives / predictedAs;
            double recall = support == 0 ? 0 : (double) truePositives / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new EvaluationReport.ClassMetrics(FashionMnistLabels.LABELS.get(c),
                    round(precision), round(recall), round(f1), support));
        }
        double accuracy = total == 0 ? 0 : (double) correct / total;
        return new EvaluationReport(total, round(accuracy), perClass, confusion);
    }

    private static double round(double value) {
        return Math.round(value * 10_000d) / 10_000d;
    }
}
