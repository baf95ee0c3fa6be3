package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.model.ModelStore;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.model.engine.Probabilities;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ForegroundObjects;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

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

    /** ReviewPolicy's rule on the share of the foreground the largest object covers, and its default threshold. */
    private static final double OBJECT_RULE = 0.6;
    private static final double DEFAULT_THRESHOLD = 0.7;

    private ReviewThresholdEvaluation() {
    }

    /** Each image's largest-object share, through the same decoding and preprocessing as an upload. */
    private static double[] mainObjectShares(GarmentImages images) {
        ImageDecoder decoder = new ImageDecoder(GarmentImages.PIXELS);
        ImagePreprocessor preprocessor = new ImagePreprocessor(new ForegroundDetector());
        double[] shares = new double[images.size()];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setDataElements(0, 0, 28, 28, images.pixels()[i]);
            shares[i] = ForegroundObjects.largestShare(preprocessor.prepare(decoder.decode("x.png",
                    TestImages.encode(image, "png"))).foreground());
        }
        return shares;
    }

    /** The object rule alone, and with the default confidence threshold, as served. */
    private static void appendObjectRule(StringBuilder md, String set, GarmentImages images, float[][] probabilities,
                                         double[] shares) {
        for (boolean withThreshold : new boolean[] {false, true}) {
            int flagged = 0;
            int flaggedRight = 0;
            int restRight = 0;
            for (int i = 0; i < images.size(); i++) {
                int best = Probabilities.mostLikely(probabilities[i]);
                boolean right = best == images.labels()[i];
                boolean flag = shares[i] < OBJECT_RULE || withThreshold && probabilities[i][best] < DEFAULT_THRESHOLD;
                flagged += flag ? 1 : 0;
                flaggedRight += flag && right ? 1 : 0;
                restRight += !flag && right ? 1 : 0;
            }
            int rest = images.size() - flagged;
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.1f %% | %.2f %% |%n", set,
                    withThreshold ? "0.70 and the object rule (served)" : "the object rule alone",
                    100.0 * flagged / images.size(), flagged == 0 ? 0 : 100.0 * flaggedRight / flagged,
                    rest == 0 ? 0 : 100.0 * restRight / rest));
        }
    }

    public static void main(String[] args) throws Exception {
        ModelStore store = new ModelStore(Path.of(System.getProperty("model.store", "model-store")),
                JsonMapper.builder().build());
        String version = args.length > 0 ? args[0] : store.activeVersion().orElseThrow();
        Path data = Path.of(System.getProperty("dataset.dir", "/usr/share/datasets/fashion-mnist"));
        GarmentImages train = new IdxReader().read(data, FashionMnistSplit.TRAIN);
        GarmentImages validation = train.range(train.size() - 5000, train.size());
        GarmentImages test = new IdxReader().read(data, FashionMnistSplit.TEST);
        var calibration = store.readMetadata(version).calibration();
        StringBuilder md = new StringBuilder("# Review threshold on the top confidence, " + version + "\n\n")
                .append(MachineInfo.current()).append("\n\n")
                .append(calibration == null ? "" : "Temperature " + calibration.temperature() + " applied, as served.\n\n")
                .append("| images | threshold | flagged | accuracy flagged | accuracy of the rest |\n|---|--:|--:|--:|--:|\n");
        try (StoredNetworks networks = store.loadNetworks(version)) {
            ModelEvaluator evaluator = new ModelEvaluator();
            evaluator.withServedEngine(networks.members(), uncalibrated -> {
                var engine = calibration == null ? uncalibrated
                        : new com.example.garmentclassifier.model.engine.TemperatureScaledEngine(uncalibrated,
                                calibration.temperature());
                for (var set : new Object[][] {{"validation (last 5,000 training images)", validation},
                        {"test (10,000)", test}}) {
                    GarmentImages images = (GarmentImages) set[1];
                    float[][] probabilities = evaluator.probabilitiesAsUploads(engine, images);
                    double[] objectShares = mainObjectShares(images);
                    for (double threshold : THRESHOLDS) {
                        int flagged = 0;
                        int flaggedRight = 0;
                        int restRight = 0;
                        for (int i = 0; i < images.size(); i++) {
                            int best = Probabilities.mostLikely(probabilities[i]);
                            boolean right = best == images.labels()[i];
                            if (probabilities[i][best] < threshold) {
                                flagged++;
                                flaggedRight += right ? 1 : 0;
                            } else {
                                restRight += right ? 1 : 0;
                            }
                        }
                        int rest = images.size() - flagged;
                        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f %% | %.1f %% | %.2f %% |%n", set[0],
                                threshold, 100.0 * flagged / images.size(),
                                flagged == 0 ? 0 : 100.0 * flaggedRight / flagged, rest == 0 ? 0 : 100.0 * restRight / rest));
                    }
                    appendObjectRule(md, (String) set[0], images, probabilities, objectShares);
                }
                return null;
            });
        }
        md.append("\nThe object rule: flagged when the largest connected object is under ")
                .append(OBJECT_RULE).append(" of the upload's foreground (ReviewPolicy).\n");
        Path out = Path.of("target", "benchmark", "review-threshold.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md);
        System.out.println(md);
        System.exit(0);
    }
}
