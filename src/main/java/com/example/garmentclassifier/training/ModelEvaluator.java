package com.example.garmentclassifier.training;

import com.example.garmentclassifier.inference.ServedEngines;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.inference.engine.Probabilities;
import com.example.garmentclassifier.model.onnx.OnnxExporter;
import com.example.garmentclassifier.model.onnx.UnsupportedNetworkException;
import com.example.garmentclassifier.store.EvaluationReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** Measures a model on a labelled image set, asking it exactly as serving does (mirror-averaged). */
public class ModelEvaluator {

    private static final int BATCH = 500;

    /**
     * Runs {@code use} with the network as serving asks it, mirror-averaged, on ONNX Runtime when the
     * network converts (it matches DL4J within 1e-6 and evaluates 10,000 images in seconds instead of
     * minutes), else on DL4J. The network stays open (it is the caller's).
     */
    public <T> T withServedEngine(MultiLayerNetwork network, Function<InferenceEngine, T> use) {
        return withServedEngine(List.of(network), use);
    }

    /**
     * As {@link #withServedEngine(MultiLayerNetwork, Function)} for a version's networks: an ensemble is
     * asked as served, the mean of its members' probabilities. The networks stay open (they are the caller's).
     */
    public <T> T withServedEngine(List<MultiLayerNetwork> networks, Function<InferenceEngine, T> use) {
        byte[] onnx;
        try {
            onnx = new OnnxExporter().export(networks, ImageShape.GARMENT);
        } catch (UnsupportedNetworkException e) {
            // Not closed afterwards: closing a DL4J engine closes its network, which the caller owns.
            return use.apply(ServedEngines.mirrorAveraged(ServedEngines.dl4j(networks)));
        }
        try (OnnxRuntimeEngine engine = ServedEngines.onnxRuntime(onnx)) {
            return use.apply(ServedEngines.mirrorAveraged(engine));
        }
    }

    /** The network as serving asks it; the network stays open (it is the caller's). */
    public EvaluationReport evaluate(MultiLayerNetwork network, GarmentImages images) {
        return evaluate(ServedEngines.mirrorAveraged(ServedEngines.dl4j(List.of(network))), images);
    }

    /** @param engine asked as given: wrap it in {@link ServedEngines#mirrorAveraged} to score what is served */
    public EvaluationReport evaluate(InferenceEngine engine, GarmentImages images) {
        return evaluate(engine, images, ModelEvaluator::tensors);
    }

    /**
     * The images as uploads: PNG-encoded, decoded and preprocessed as /classify does ({@link UploadPath}).
     *
     * @param engine asked as given: wrap it in {@link ServedEngines#mirrorAveraged} to score what is served
     */
    public EvaluationReport evaluateAsUploads(InferenceEngine engine, GarmentImages images) {
        return evaluate(engine, images, new UploadPath()::inputs);
    }

    /** Class probabilities for every image as tensors, one row per image; the engine is asked as given. */
    public float[][] probabilities(InferenceEngine engine, GarmentImages images) {
        return probabilities(engine, images, ModelEvaluator::tensors);
    }

    /** Class probabilities for every image as an upload ({@link UploadPath}); the engine is asked as given. */
    public float[][] probabilitiesAsUploads(InferenceEngine engine, GarmentImages images) {
        return probabilities(engine, images, new UploadPath()::inputs);
    }

    /** Class probabilities for model inputs already prepared, one row per input; the engine is asked as given. */
    public float[][] probabilities(InferenceEngine engine, float[][] inputs) {
        float[][] probabilities = new float[inputs.length][];
        for (int from = 0; from < inputs.length; from += BATCH) {
            int to = Math.min(inputs.length, from + BATCH);
            float[][] batch = engine.predict(Arrays.copyOfRange(inputs, from, to));
            System.arraycopy(batch, 0, probabilities, from, batch.length);
        }
        return probabilities;
    }

    /** Accuracy, per-class metrics and confusion matrix of the most likely class of each row. */
    public static EvaluationReport report(float[][] probabilities, int[] labels) {
        int classes = BatchAssembler.CLASSES;
        int[][] confusion = new int[classes][classes];
        for (int i = 0; i < probabilities.length; i++) {
            confusion[labels[i]][Probabilities.mostLikely(probabilities[i])]++;
        }
        return report(confusion);
    }

    private interface Inputs {
        float[][] of(GarmentImages images, int from, int to);
    }

    private EvaluationReport evaluate(InferenceEngine engine, GarmentImages images, Inputs inputs) {
        return report(probabilities(engine, images, inputs), images.labels());
    }

    private float[][] probabilities(InferenceEngine engine, GarmentImages images, Inputs inputs) {
        return probabilities(engine, inputs.of(images, 0, images.size()));
    }

    /** The data set's bytes scaled to [0, 1]: what training feeds the network. */
    private static float[][] tensors(GarmentImages images, int from, int to) {
        byte[][] pixels = images.pixels();
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
