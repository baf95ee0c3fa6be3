package com.example.garmentclassifier.robustness;

import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.Probabilities;
import com.example.garmentclassifier.training.FashionMnistLabels;
import com.example.garmentclassifier.training.GarmentImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy of a served engine on test images after each {@link UploadTransform}, through the
 * upload path (decoder and preprocessor as /classify uses them), and relative to the clean score.
 */
public final class RobustnessReport {

    /**
     * One column: the transform, its accuracy, that accuracy as a share of the clean one, and the
     * accuracy on each true class (a transform can cost one class most of what it costs).
     */
    public record Row(UploadTransform transform, double accuracy, double ofClean, double[] perClass) {
    }

    private static final int BATCH = 250;
    private static final int CLASSES = FashionMnistLabels.LABELS.size();

    private RobustnessReport() {
    }

    /** @param served asked as given (pass it mirror-averaged to score what is served) */
    public static List<Row> measure(InferenceEngine served, GarmentImages images) {
        ImageDecoder decoder = new ImageDecoder(40_000_000);
        ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
        List<Row> rows = new ArrayList<>();
        double clean = 0;
        for (UploadTransform transform : UploadTransform.values()) {
            int correct = 0;
            int[] classCorrect = new int[CLASSES];
            int[] classTotal = new int[CLASSES];
            for (int from = 0; from < images.size(); from += BATCH) {
                int to = Math.min(images.size(), from + BATCH);
                float[][] inputs = new float[to - from][];
                for (int i = from; i < to; i++) {
                    byte[] upload = transform.upload(images.pixels()[i], i);
                    inputs[i - from] = preprocessor.prepare(decoder.decode("robustness", upload)).modelInput();
                }
                float[][] probabilities = served.predict(inputs);
                for (int i = from; i < to; i++) {
                    int label = images.labels()[i];
                    classTotal[label]++;
                    if (Probabilities.mostLikely(probabilities[i - from]) == label) {
                        correct++;
                        classCorrect[label]++;
                    }
                }
            }
            double accuracy = (double) correct / images.size();
            clean = transform == UploadTransform.CLEAN ? accuracy : clean;
            double[] perClass = new double[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                perClass[c] = classTotal[c] == 0 ? Double.NaN : (double) classCorrect[c] / classTotal[c];
            }
            rows.add(new Row(transform, accuracy, accuracy / clean, perClass));
        }
        return rows;
    }

    public static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder("| transform | accuracy | of clean |\n|---|--:|--:|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f %% | %.0f %% |%n", row.transform().description(),
                    row.accuracy() * 100, row.ofClean() * 100));
        }
        return md.toString();
    }

    /** Accuracy per true class (rows) after each transform (columns). */
    public static String markdownPerClass(List<Row> rows) {
        StringBuilder md = new StringBuilder("| class |");
        rows.forEach(row -> md.append(' ').append(row.transform().name().toLowerCase(Locale.ROOT)).append(" |"));
        md.append("\n|---|").append("--:|".repeat(rows.size())).append('\n');
        for (int c = 0; c < CLASSES; c++) {
            md.append("| ").append(FashionMnistLabels.LABELS.get(c)).append(" |");
            for (Row row : rows) {
                double accuracy = row.perClass()[c];
                md.append(Double.isNaN(accuracy) ? " - |" : String.format(Locale.ROOT, " %.0f %% |", accuracy * 100));
            }
            md.append('\n');
        }
        return md.toString();
    }
}
