package com.example.garmentclassifier.models;

import static com.example.garmentclassifier.models.Svg.escape;

import com.example.garmentclassifier.inference.engine.Probabilities;
import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.ConfidenceBins;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * One version's report as a self-contained HTML page: results per class, the confusion matrix,
 * learning curves, calibration and the test images it gets wrong, the plots model owners look at
 * before they activate a version.
 */
final class ModelReportPage {

    static final int MISCLASSIFIED_SHOWN = 24;
    static final int THUMBNAIL_SCALE = 3;
    private static final String[] COLOURS = {"#2f6fed", "#e4572e", "#29a36a", "#8e44ad", "#f0a202"};

    private ModelReportPage() {
    }

    /** @param predictions the test set as the version answers it, or null with {@code missing} saying why */
    static String render(ModelMetadata metadata, boolean active, TestSetPredictions.Predictions predictions,
                         String missing) {
        EvaluationReport report = metadata.testAsUploads() != null ? metadata.testAsUploads() : metadata.test();
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Model ")
                .append(escape(metadata.version())).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#1d2433;max-width:1100px}")
                .append("table{border-collapse:collapse}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}.grid{display:flex;flex-wrap:wrap;gap:10px}")
                .append("figure{margin:0;font-size:12px;text-align:center}.charts{display:flex;flex-wrap:wrap;gap:24px}")
                .append("</style></head><body>");
        html.append("<p><a href=\"/\">Upload page</a></p>");
        html.append("<h1>Model ").append(escape(metadata.version())).append(active ? " (serving)" : "").append("</h1>");
        html.append("<p>").append(escape(String.valueOf(metadata.architecture()))).append("; ")
                .append(String.format(Locale.ROOT, "%,d", metadata.parameterCount())).append(" parameters; created ")
                .append(escape(String.valueOf(metadata.createdAt()))).append(".</p>");
        html.append("<p id=\"accuracy\">Test accuracy: ").append(percent(metadata.testAccuracy())).append(" as tensors");
        if (metadata.testAsUploads() != null) {
            html.append(", ").append(percent(metadata.testAsUploads().accuracy())).append(" as uploads");
        }
        html.append(" (").append(report == null ? 0 : report.examples()).append(" test images).</p>");
        provenance(html, metadata);
        if (report != null) {
            perClass(html, report, metadata.testAsUploads() != null ? "as uploads" : "as tensors");
            html.append("<h2>Confusion matrix</h2>").append(Svg.heatMap(report.confusionMatrix(), metadata.labels()));
        }
        learningCurves(html, metadata);
        if (predictions == null) {
            html.append("<h2>Calibration and misclassified images</h2><p id=\"no-test-set\">")
                    .append(escape(missing)).append("</p>");
        } else {
            calibration(html, predictions, metadata.calibration());
            misclassified(html, predictions, metadata.labels());
        }
        return html.append("</body></html>").toString();
    }

    /** How the version was made: recipe, length, teacher, the job and its request, the validation figure. */
    private static void provenance(StringBuilder html, ModelMetadata metadata) {
        ModelMetadata.Training training = metadata.training();
        if (training == null || training.hyperparameters() == null) {
            return;
        }
        Map<String, Object> h = training.hyperparameters();
        html.append("<h2>How it was made</h2><p id=\"provenance\">Recipe ").append(escape(String.valueOf(h.get("recipe"))));
        if (h.get("epochs") != null) {
            html.append(", ").append(escape(String.valueOf(h.get("epochs")))).append(" epochs (best: epoch ")
                    .append(training.bestEpoch()).append("), seed ").append(training.seed());
        }
        if (training.seconds() > 0) {
            html.append(String.format(Locale.ROOT, ", %.0f minutes of training", training.seconds() / 60));
        }
        if (h.get("teacher") != null) {
            html.append("; distilled from version ").append(escape(String.valueOf(h.get("teacher"))))
                    .append(" (soft-target weight ").append(escape(String.valueOf(h.get("softTargetWeight"))))
                    .append(", temperature ").append(escape(String.valueOf(h.get("distillationTemperature")))).append(")");
        }
        if (training.warmStartFrom() != null) {
            html.append("; started from the weights of ").append(escape(training.warmStartFrom()));
        }
        html.append(".");
        if (h.get("job") instanceof Map<?, ?> job) {
            html.append(" Made by training job ").append(escape(String.valueOf(job.get("id")))).append(": ")
                    .append(escape(String.valueOf(job.get("request")))).append(" ")
                    .append(escape(requestBody(job.get("body")))).append(".");
        }
        if (metadata.validationAsUploads() != null && metadata.validationAsUploads().accuracy() != null) {
            html.append(" Validation accuracy as uploads (what the promotion gate compares): ")
                    .append(percent(metadata.validationAsUploads().accuracy())).append(".");
        }
        html.append("</p>");
    }

    /** The request's fields that were given, as JSON would show them ({@code {}} for the defaults). */
    private static String requestBody(Object body) {
        if (!(body instanceof Map<?, ?> fields)) {
            return "{}";
        }
        List<String> given = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                given.add("\"" + name + "\": " + (value instanceof String ? "\"" + value + "\"" : value));
            }
        });
        return "{" + String.join(", ", given) + "}";
    }

    private static void perClass(StringBuilder html, EvaluationReport report, String how) {
        html.append("<h2>Per class (test images ").append(how).append(")</h2><table id=\"per-class\"><tr>")
                .append("<th>class</th><th>precision</th><th>recall</th><th>F1</th><th>images</th></tr>");
        for (EvaluationReport.ClassMetrics c : report.perClass()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%d</td></tr>",
                    escape(c.label()), c.precision(), c.recall(), c.f1(), c.support()));
        }
        html.append("</table>");
    }

    private static void learningCurves(StringBuilder html, ModelMetadata metadata) {
        List<Svg.Series> loss = new ArrayList<>();
        List<Svg.Series> accuracy = new ArrayList<>();
        ModelMetadata.Training training = metadata.training();
        if (training != null && training.epochs() != null && !training.epochs().isEmpty()) {
            List<EpochMetrics> epochs = training.epochs();
            loss.add(new Svg.Series("training loss", COLOURS[0], epochs.stream().map(EpochMetrics::loss).toList()));
            accuracy.add(new Svg.Series("training", COLOURS[0], epochs.stream().map(EpochMetrics::trainAccuracy).toList()));
            accuracy.add(new Svg.Series("validation", COLOURS[1],
                    epochs.stream().map(EpochMetrics::validationAccuracy).toList()));
        } else if (training != null && training.hyperparameters() != null
                && training.hyperparameters().get("members") instanceof List<?> members) {
            // An ensemble: each member's own training run.
            for (int m = 0; m < members.size(); m++) {
                if (members.get(m) instanceof Map<?, ?> member && member.get("epochs") instanceof List<?> epochs) {
                    String colour = COLOURS[m % COLOURS.length];
                    loss.add(new Svg.Series("member " + (m + 1) + " training", colour, values(epochs, "loss")));
                    accuracy.add(new Svg.Series("member " + (m + 1) + " validation", colour,
                            values(epochs, "validationAccuracy")));
                }
            }
        }
        html.append("<h2>Learning curves</h2>");
        if (loss.isEmpty()) {
            html.append("<p>No per-epoch metrics were recorded for this version.</p>");
            return;
        }
        double lowest = accuracy.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .min().orElse(0);
        double highestLoss = loss.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue)
                .max().orElse(1);
        html.append("<p>Loss is the training loss (augmented minibatches, dropout on); accuracy is measured after each"
                + " epoch on a fixed training sample and on the validation split.</p><div class=\"charts\">")
                .append(Svg.lines("loss-curve", "Loss per epoch", "loss", loss, 0, Math.max(0.1, highestLoss)))
                .append(Svg.lines("accuracy-curve", "Accuracy per epoch", "accuracy", accuracy,
                        Math.floor(lowest * 20) / 20, 1))
                .append("</div>");
    }

    private static List<Double> values(List<?> epochs, String key) {
        List<Double> values = new ArrayList<>();
        for (Object epoch : epochs) {
            if (epoch instanceof Map<?, ?> map && map.get(key) instanceof Number number) {
                values.add(number.doubleValue());
            }
        }
        return values;
    }

    private static void calibration(StringBuilder html, TestSetPredictions.Predictions predictions,
                                    ModelMetadata.Calibration fitted) {
        ConfidenceBins calibration = ConfidenceBins.of(predictions.probabilities(), predictions.images().labels());
        html.append("<h2>Calibration</h2><p id=\"ece\" data-ece=\"")
                .append(String.format(Locale.ROOT, "%.4f", calibration.expectedCalibrationError()))
                .append("\">Expected calibration error over ").append(predictions.images().size())
                .append(" test images (as tensors, ").append(ConfidenceBins.BINS).append(" bins): ")
                .append(String.format(Locale.ROOT, "%.4f", calibration.expectedCalibrationError()))
                .append(". Bars under the diagonal are over-confident.</p>")
                .append(fitted == null ? "<p>No temperature was fitted for this version.</p>" : String.format(Locale.ROOT,
                        "<p id=\"temperature\">Served with temperature %.4f, fitted on the %s; expected calibration"
                                + " error on the %s: %.4f before, %.4f after.</p>", fitted.temperature(),
                        escape(fitted.fittedOn()), escape(fitted.measuredOn()), fitted.eceBefore(), fitted.eceAfter()))
                .append(Svg.reliability(calibration.bins()));
    }

    private static void misclassified(StringBuilder html, TestSetPredictions.Predictions predictions,
                                      List<String> labels) {
        html.append("<h2>Misclassified test images</h2><div class=\"grid\" id=\"misclassified\">");
        int shown = 0;
        int wrong = 0;
        for (int i = 0; i < predictions.probabilities().length; i++) {
            int predicted = Probabilities.mostLikely(predictions.probabilities()[i]);
            int truth = predictions.images().labels()[i];
            if (predicted == truth) {
                continue;
            }
            wrong++;
            if (shown++ >= MISCLASSIFIED_SHOWN) {
                continue;
            }
            html.append(String.format(Locale.ROOT, "<figure data-index=\"%d\" data-true=\"%s\" data-predicted=\"%s\">"
                            + "<img src=\"data:image/png;base64,%s\" alt=\"test image %d\"><figcaption>true %s<br>"
                            + "predicted %s (%.0f %%)</figcaption></figure>", i, escape(labels.get(truth)),
                    escape(labels.get(predicted)), png(predictions.images().pixels()[i]), i,
                    escape(labels.get(truth)), escape(labels.get(predicted)),
                    predictions.probabilities()[i][predicted] * 100));
        }
        html.append("</div><p>").append(Math.min(wrong, MISCLASSIFIED_SHOWN)).append(" of ").append(wrong)
                .append(" misclassified test images, in test-set order.</p>");
    }

    /** A 28x28 grey image, enlarged, as PNG in base64. */
    private static String png(byte[] pixels) {
        int side = (int) Math.sqrt(pixels.length);
        int scaled = side * THUMBNAIL_SCALE;
        BufferedImage image = new BufferedImage(scaled, scaled, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < scaled; y++) {
            for (int x = 0; x < scaled; x++) {
                int grey = pixels[(y / THUMBNAIL_SCALE) * side + x / THUMBNAIL_SCALE] & 0xFF;
                image.getRaster().setSample(x, y, 0, grey);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static String percent(double accuracy) {
        return String.format(Locale.ROOT, "%.2f %%", accuracy * 100);
    }
}
