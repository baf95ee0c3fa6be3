package com.example.garmentclassifier.robustness;

import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.model.engine.InferenceEngine;
import com.example.garmentclassifier.model.engine.Probabilities;
import com.example.garmentclassifier.training.GarmentImages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Accuracy of a served engine on test images after each {@link UploadTransform}, through the
 * upload path (decoder and preprocessor as /classify uses them), and relative to the clean score.
 */
public final class RobustnessReport {

    /** One column: the transform, its accuracy, and that accuracy as a share of the clean one. */
    public record Row(UploadTransform transform, double accuracy, double ofClean) {
    }

    private static final int BATCH = 250;

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
            for (int from = 0; from < images.size(); from += BATCH) {
                int to = Math.min(images.size(), from + BATCH);
                float[][] inputs = new float[to - from][];
                for (int i = from; i < to; i++) {
                    byte[] upload = transform.upload(images.pixels()[i], i);
                    inputs[i - from] = preprocessor.prepare(decoder.decode("robustness", upload)).modelInput();
                }
                float[][] probabilities = served.predict(inputs);
                for (int i = from; i < to; i++) {
                    if (Probabilities.mostLikely(probabilities[i - from]) == images.labels()[i]) {
                        correct++;
                    }
                }
            }
            double accuracy = (double) correct / images.size();
            clean = transform == UploadTransform.CLEAN ? accuracy : clean;
            rows.add(new Row(transform, accuracy, accuracy / clean));
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
}
