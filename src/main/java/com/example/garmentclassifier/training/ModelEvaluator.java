package com.example.garmentclassifier.training;

import com.example.garmentclassifier.model.EvaluationReport;
import com.example.garmentclassifier.model.engine.Dl4jEngine;
import com.example.garmentclassifier.model.engine.ImageShape;
import com.example.garmentclassifier.model.engine.InferenceEngine;
import com.example.garmentclassifier.model.engine.MirrorAveragedEngine;
import com.example.garmentclassifier.model.engine.Probabilities;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Measures a model on a labelled image set, asking it exactly as serving does (mirror-averaged). */
public class ModelEvaluator {

    private static final int BATCH = 500;

    /** The network as serving asks it; the network stays open (it is the caller's). */
    public EvaluationReport evaluate(MultiLayerNetwork network, GarmentImages images) {
        return evaluate(new MirrorAveragedEngine(new Dl4jEngine(network, ImageShape.GARMENT), ImageShape.GARMENT),
                images);
    }

    /** @param engine asked as given: wrap it in {@link MirrorAveragedEngine} to score what is served */
    public EvaluationReport evaluate(InferenceEngine engine, GarmentImages images) {
        int classes = BatchAssembler.CLASSES;
        int[][] confusion = new int[classes][classes];
        for (int from = 0; from < images.size(); from += BATCH) {
            int to = Math.min(images.size(), from + BATCH);
            float[][] probabilities = engine.predict(inputs(images.pixels(), from, to));
            for (int i = from; i < to; i++) {
                confusion[images.labels()[i]][Probabilities.mostLikely(probabilities[i - from])]++;
            }
        }
        return report(confusion);
    }

    private static float[][] inputs(byte[][] pixels, int from, int to) {
        float[][] inputs = new float[to - from][];
        for (int i = from; i < to; i++) {
            float[] image = new float[pixels[i].length];
            for (int p = 0; p < image.length; p++) {
                image[p] = (pixels[i][p] & 0xFF) / 255f;
            }
            inputs[i - from] = image;
        }
        return inputs;
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
