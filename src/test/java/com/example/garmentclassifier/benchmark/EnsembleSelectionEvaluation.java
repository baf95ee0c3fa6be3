package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.model.EvaluationReport;
import com.example.garmentclassifier.model.ModelStore;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.model.engine.ImageShape;
import com.example.garmentclassifier.model.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.model.onnx.OnnxExporter;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import com.example.garmentclassifier.training.UploadPath;
import com.example.garmentclassifier.training.ValidationGate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which stored networks to serve together, and whether more views of each upload than the image
 * and its mirror pay: every network of the named versions is asked once for every view of the
 * validation and test images as uploads; then every combination of networks is scored from those
 * answers on validation, which chooses, and on test, which is only reported. Needs the data set:
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=3G -Dmodel.store=model-store -cp %classpath \
 *   com.example.garmentclassifier.benchmark.EnsembleSelectionEvaluation V1 V2 ..."
 * </pre>
 * Writes {@code target/benchmark/ensemble-selection.md}. {@code -Dshifted=false} skips the shifted views. Choosing among many combinations on 5,000
 * validation images favours the lucky ones a little; the test column shows how much.
 */
public final class EnsembleSelectionEvaluation {

    private static final ImageShape SHAPE = ImageShape.GARMENT;
    private static final int BATCH = 500;
    private static final int SHIRT = 6;

    /** Views of an upload: the image as served, then shifted one pixel each way; each also mirrored. */
    private static final int[][] SHIFTS = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}};
    /** -Dshifted=false asks only the served views (a fifth of the inference). */
    private static final int SHIFTS_ASKED = Boolean.parseBoolean(System.getProperty("shifted", "true")) ? SHIFTS.length : 1;

    private record Member(String name, float[][][] validation, float[][][] test) {
    }

    private record Scored(List<Integer> members, double validation, double test, double shirtF1,
                          double validationLogLoss) {
    }

    private EnsembleSelectionEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("Name the stored versions to choose from: EnsembleSelectionEvaluation V1 V2 ...");
            System.exit(2);
        }
        ModelStore store = new ModelStore(Path.of(System.getProperty("model.store", "model-store")),
                JsonMapper.builder().build());
        Path data = Path.of(System.getProperty("dataset.dir", "/usr/share/datasets/fashion-mnist"));
        GarmentImages train = new IdxReader().read(data, FashionMnistSplit.TRAIN);
        GarmentImages validation = ValidationGate.validationSplit(train);
        GarmentImages test = new IdxReader().read(data, FashionMnistSplit.TEST);
        UploadPath uploads = new UploadPath();
        float[][] validationInputs = uploads.inputs(validation, 0, validation.size());
        float[][] testInputs = uploads.inputs(test, 0, test.size());

        List<Member> members = new ArrayList<>();
        for (String version : args) {
            try (StoredNetworks networks = store.loadNetworks(version)) {
                int index = 1;
                for (MultiLayerNetwork network : networks.members()) {
                    String name = networks.ensemble() ? version + "#" + index++ : version;
                    try (OnnxRuntimeEngine engine = new OnnxRuntimeEngine(new OnnxExporter().export(network, SHAPE),
                            SHAPE, Runtime.getRuntime().availableProcessors())) {
                        members.add(new Member(name, views(engine, validationInputs), views(engine, testInputs)));
                    }
                    System.out.println("asked " + name);
                }
            }
        }
        if (members.size() > 12) {
            // Every combination is scored: 2^12 is about a minute; more would take hours.
            throw new IllegalArgumentException("at most 12 networks, were " + members.size());
        }
        int[] validationLabels = validation.labels();
        int[] testLabels = test.labels();
        int served = 2;
        int allViews = 2 * SHIFTS_ASKED;

        StringBuilder md = new StringBuilder("# Ensemble selection on validation\n\n")
                .append(MachineInfo.current()).append("\n\n")
                .append("Validation: the last 5,000 training images. Every image as an upload.\n\n")
                .append("## Each network, as served (image and mirror)\n\n")
                .append("| network | validation | test | Shirt F1 (test) |\n|---|--:|--:|--:|\n");
        for (int m = 0; m < members.size(); m++) {
            Scored scored = score(List.of(m), members, served, validationLabels, testLabels);
            md.append(row(members.get(m).name(), scored));
        }

        List<Scored> combinations = new ArrayList<>();
        for (int mask = 1; mask < 1 << members.size(); mask++) {
            List<Integer> chosen = new ArrayList<>();
            for (int m = 0; m < members.size(); m++) {
                if ((mask & 1 << m) != 0) {
                    chosen.add(m);
                }
            }
            combinations.add(score(chosen, members, served, validationLabels, testLabels));
        }
        combinations.sort(Comparator.comparingDouble(Scored::validation).reversed()
                .thenComparingInt(s -> s.members().size()));
        md.append("\n## Best combinations on validation, as served (image and mirror)\n\n")
                .append("| networks | count | validation | validation log-loss | test | Shirt F1 (test) |\n")
                .append("|---|--:|--:|--:|--:|--:|\n");
        for (Scored scored : combinations.subList(0, Math.min(15, combinations.size()))) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f %% | %.4f | %.2f %% | %.3f |%n",
                    names(scored.members(), members), scored.members().size(), 100 * scored.validation(),
                    scored.validationLogLoss(), 100 * scored.test(), scored.shirtF1()));
        }
        // Two networks are what the serving budget holds (README, "The model"), so every pair is a candidate.
        md.append("\n## Best pairs on validation, as served (image and mirror)\n\n")
                .append("| networks | validation | validation log-loss | test | Shirt F1 (test) |\n")
                .append("|---|--:|--:|--:|--:|\n");
        combinations.stream().filter(s -> s.members().size() == 2).limit(10).forEach(pair -> md.append(
                String.format(Locale.ROOT, "| %s | %.2f %% | %.4f | %.2f %% | %.3f |%n", names(pair.members(), members),
                        100 * pair.validation(), pair.validationLogLoss(), 100 * pair.test(), pair.shirtF1())));
        md.append("\n## Best combination of each size on validation\n\n")
                .append("| count | networks | validation | test | image only: validation | test "
                        + "| with shifted views: validation | test |\n")
                .append("|--:|---|--:|--:|--:|--:|--:|--:|\n");
        for (int size = 1; size <= members.size(); size++) {
            int wanted = size;
            combinations.stream().filter(s -> s.members().size() == wanted).findFirst().ifPresent(best -> {
                Scored single = score(best.members(), members, 1, validationLabels, testLabels);
                Scored shifted = score(best.members(), members, allViews, validationLabels, testLabels);
                md.append(String.format(Locale.ROOT, "| %d | %s | %.2f %% | %.2f %% | %.2f %% | %.2f %% | %.2f %% "
                                + "| %.2f %% |%n", wanted, names(best.members(), members), 100 * best.validation(),
                        100 * best.test(), 100 * single.validation(), 100 * single.test(), 100 * shifted.validation(),
                        100 * shifted.test()));
            });
        }
        Scored chosen = combinations.get(0);
        double[] offsets = classOffsets(mean(chosen.members(), members, served, true), validationLabels);
        EvaluationReport offsetValidation = ModelEvaluator.report(offset(mean(chosen.members(), members, served, true),
                offsets), validationLabels);
        EvaluationReport offsetTest = ModelEvaluator.report(offset(mean(chosen.members(), members, served, false),
                offsets), testLabels);
        md.append(String.format(Locale.ROOT, "%nThe best combination with a log-probability offset per class fitted on"
                        + " validation: validation %.2f %% (was %.2f %%), test %.2f %% (was %.2f %%), Shirt F1 %.3f;"
                        + " offsets %s.%n", 100 * offsetValidation.accuracy(), 100 * chosen.validation(),
                100 * offsetTest.accuracy(), 100 * chosen.test(), offsetTest.perClass().get(SHIRT).f1(),
                java.util.Arrays.toString(offsets)));
        md.append("\nImage only: without the mirror (half the inference of serving). Shifted views: the image and its mirror, each also moved one pixel left, right, up and down"
                + " (10 views; 5x the inference of serving).\n");
        MarkdownOutput.write("ensemble-selection.md", md);
        System.out.println(md);
        System.exit(0);
    }

    private static String row(String name, Scored scored) {
        return String.format(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.3f |%n", name, 100 * scored.validation(),
                100 * scored.test(), scored.shirtF1());
    }

    private static String names(List<Integer> chosen, List<Member> members) {
        return String.join(", ", chosen.stream().map(m -> members.get(m).name()).toList());
    }

    /** The mean of the first {@code views} views of every chosen network, scored on both sets. */
    private static Scored score(List<Integer> chosen, List<Member> members, int views, int[] validationLabels,
                                int[] testLabels) {
        float[][] validationSums = mean(chosen, members, views, true);
        EvaluationReport validation = ModelEvaluator.report(validationSums, validationLabels);
        EvaluationReport test = ModelEvaluator.report(mean(chosen, members, views, false), testLabels);
        double logLoss = 0;
        for (int i = 0; i < validationLabels.length; i++) {
            double p = validationSums[i][validationLabels[i]] / ((double) chosen.size() * views);
            logLoss -= Math.log(Math.max(p, 1e-12));
        }
        return new Scored(chosen, validation.accuracy(), test.accuracy(), test.perClass().get(SHIRT).f1(),
                logLoss / validationLabels.length);
    }

    private static float[][] mean(List<Integer> chosen, List<Member> members, int views, boolean validation) {
        float[][][] first = validation ? members.get(chosen.get(0)).validation() : members.get(chosen.get(0)).test();
        int images = first[0].length;
        float[][] mean = new float[images][first[0][0].length];
        for (int m : chosen) {
            float[][][] answers = validation ? members.get(m).validation() : members.get(m).test();
            for (int v = 0; v < views; v++) {
                for (int i = 0; i < images; i++) {
                    for (int c = 0; c < mean[i].length; c++) {
                        mean[i][c] += answers[v][i][c];
                    }
                }
            }
        }
        return mean;
    }

    /**
     * One additive offset per class on the log-probabilities, chosen by coordinate ascent on the given
     * (validation) answers: a way to move the decision between neighbouring classes such as Shirt and T-shirt.
     */
    private static double[] classOffsets(float[][] probabilities, int[] labels) {
        double[] offsets = new double[probabilities[0].length];
        double best = ModelEvaluator.report(offset(probabilities, offsets), labels).accuracy();
        for (int pass = 0; pass < 3; pass++) {
            for (int c = 0; c < offsets.length; c++) {
                double keep = offsets[c];
                double bestValue = keep;
                for (int step = -20; step <= 20; step++) {
                    offsets[c] = step * 0.05;
                    double accuracy = ModelEvaluator.report(offset(probabilities, offsets), labels).accuracy();
                    if (accuracy > best + 1e-9) {
                        best = accuracy;
                        bestValue = offsets[c];
                    }
                }
                offsets[c] = bestValue;
            }
        }
        return offsets;
    }

    private static float[][] offset(float[][] probabilities, double[] offsets) {
        float[][] result = new float[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            result[i] = new float[offsets.length];
            for (int c = 0; c < offsets.length; c++) {
                result[i][c] = (float) (Math.log(Math.max(probabilities[i][c], 1e-12)) + offsets[c]);
            }
        }
        return result;
    }

    /** The engine's probabilities for every view of every image: [view][image][class]; views 0 and 1 as served. */
    private static float[][][] views(OnnxRuntimeEngine engine, float[][] inputs) {
        float[][][] answers = new float[2 * SHIFTS_ASKED][][];
        int view = 0;
        for (int[] shift : java.util.Arrays.copyOf(SHIFTS, SHIFTS_ASKED)) {
            for (boolean mirror : new boolean[] {false, true}) {
                float[][] shown = new float[inputs.length][];
                for (int i = 0; i < inputs.length; i++) {
                    shown[i] = moved(inputs[i], shift[0], shift[1], mirror);
                }
                answers[view++] = predict(engine, shown);
            }
        }
        return answers;
    }

    private static float[][] predict(OnnxRuntimeEngine engine, float[][] inputs) {
        float[][] result = new float[inputs.length][];
        for (int from = 0; from < inputs.length; from += BATCH) {
            int to = Math.min(inputs.length, from + BATCH);
            float[][] batch = new float[to - from][];
            System.arraycopy(inputs, from, batch, 0, batch.length);
            System.arraycopy(engine.predict(batch), 0, result, from, batch.length);
        }
        return result;
    }

    /** The image mirrored if asked, then moved by (dx, dy) pixels; uncovered pixels are background (0). */
    private static float[] moved(float[] image, int dx, int dy, boolean mirror) {
        int width = SHAPE.width();
        int height = SHAPE.height();
        float[] result = new float[image.length];
        for (int y = 0; y < height; y++) {
            int sourceY = y - dy;
            if (sourceY < 0 || sourceY >= height) {
                continue;
            }
            for (int x = 0; x < width; x++) {
                int sourceX = x - dx;
                if (sourceX < 0 || sourceX >= width) {
                    continue;
                }
                int column = mirror ? width - 1 - sourceX : sourceX;
                result[y * width + x] = image[sourceY * width + column];
            }
        }
        return result;
    }
}
