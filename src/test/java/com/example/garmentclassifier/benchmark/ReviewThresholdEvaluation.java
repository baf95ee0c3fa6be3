package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.classify.ReviewPolicy;
import com.example.garmentclassifier.image.ForegroundObjects;
import com.example.garmentclassifier.inference.engine.Probabilities;
import com.example.garmentclassifier.jobs.ValidationGate;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import com.example.garmentclassifier.training.UploadPath;
import com.example.garmentclassifier.training.ValidationSplit;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * What a review threshold on the top confidence does, for the active version (or the one named): for
 * each threshold, the share of images flagged and the accuracy of the flagged and of the rest, on the
 * validation images (which choose the default) and on the test images (reported only), both as
 * uploads and mirror-averaged as served. Needs the data set:
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=2G -cp %classpath \
 *   com.example.garmentclassifier.benchmark.ReviewThresholdEvaluation [version]"
 * </pre>
 * Writes {@code target/benchmark/review-threshold.md}.
 */
public final class ReviewThresholdEvaluation {

    private static final double[] THRESHOLDS = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};

    /** The served default of classifier.review-threshold, combined with the object rule in the last row. */
    private static final double DEFAULT_THRESHOLD = 0.7;

    private ReviewThresholdEvaluation() {
    }

    /** Each image's largest-object share, through the same decoding and preprocessing as an upload. */
    private static double[] mainObjectShares(GarmentImages images) {
        UploadPath uploads = new UploadPath();
        double[] shares = new double[images.size()];
        for (int i = 0; i < images.size(); i++) {
            shares[i] = ForegroundObjects.largestShare(uploads.prepared(images.pixels()[i]).foreground());
        }
        return shares;
    }

    /** One row: the share of images a rule flags, and the accuracy of those and of the rest. */
    private static void appendRow(StringBuilder md, String set, String rule, GarmentImages images,
                                  float[][] probabilities, IntPredicate flags) {
        int flagged = 0;
        int flaggedRight = 0;
        int restRight = 0;
        for (int i = 0; i < images.size(); i++) {
            boolean right = Probabilities.mostLikely(probabilities[i]) == images.labels()[i];
            boolean flag = flags.test(i);
            flagged += flag ? 1 : 0;
            flaggedRight += flag && right ? 1 : 0;
            restRight += !flag && right ? 1 : 0;
        }
        int rest = images.size() - flagged;
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.1f %% | %.2f %% |%n", set, rule,
                100.0 * flagged / images.size(), flagged == 0 ? 0 : 100.0 * flaggedRight / flagged,
                rest == 0 ? 0 : 100.0 * restRight / rest));
    }

    private static float top(float[] probabilities) {
        return probabilities[Probabilities.mostLikely(probabilities)];
    }

    public static void main(String[] args) throws Exception {
        TestStore store = TestStore.at(Path.of(System.getProperty("model.store", "model-store")));
        String version = args.length > 0 ? args[0] : store.active().current().orElseThrow();
        Path data = Path.of(System.getProperty("dataset.dir", "/usr/share/datasets/fashion-mnist"));
        GarmentImages train = new IdxReader().read(data, FashionMnistSplit.TRAIN);
        GarmentImages validation = ValidationSplit.of(train);
        GarmentImages test = new IdxReader().read(data, FashionMnistSplit.TEST);
        var calibration = store.versions().readMetadata(version).calibration();
        StringBuilder md = new StringBuilder("# Review threshold on the top confidence, " + version + "\n\n")
                .append(MachineInfo.current()).append("\n\n")
                .append(calibration == null ? "" : "Temperature " + calibration.temperature() + " applied, as served.\n\n")
                .append("| images | threshold | flagged | accuracy flagged | accuracy of the rest |\n|---|--:|--:|--:|--:|\n");
        try (StoredNetworks networks = store.archive().loadNetworks(version)) {
            ModelEvaluator evaluator = new ModelEvaluator();
            evaluator.withServedEngine(networks.members(), uncalibrated -> {
                var engine = calibration == null ? uncalibrated
                        : new com.example.garmentclassifier.inference.engine.TemperatureScaledEngine(uncalibrated,
                                calibration.temperature());
                for (var set : new Object[][] {{"validation (last 5,000 training images)", validation},
                        {"test (10,000)", test}}) {
                    GarmentImages images = (GarmentImages) set[1];
                    float[][] probabilities = evaluator.probabilitiesAsUploads(engine, images);
                    double[] objectShares = mainObjectShares(images);
                    String name = (String) set[0];
                    for (double threshold : THRESHOLDS) {
                        appendRow(md, name, String.format(Locale.ROOT, "%.2f", threshold), images, probabilities,
                                i -> top(probabilities[i]) < threshold);
                    }
                    appendRow(md, name, "the object rule alone", images, probabilities,
                            i -> objectShares[i] < ReviewPolicy.MIN_MAIN_OBJECT_SHARE);
                    appendRow(md, name, "0.70 and the object rule (served)", images, probabilities,
                            i -> objectShares[i] < ReviewPolicy.MIN_MAIN_OBJECT_SHARE
                                    || top(probabilities[i]) < DEFAULT_THRESHOLD);
                }
                return null;
            });
        }
        md.append("\nThe object rule: flagged when the largest connected object is under ")
                .append(ReviewPolicy.MIN_MAIN_OBJECT_SHARE).append(" of the upload's foreground (ReviewPolicy).\n");
        MarkdownOutput.write("review-threshold.md", md);
        System.out.println(md);
        System.exit(0);
    }
}
