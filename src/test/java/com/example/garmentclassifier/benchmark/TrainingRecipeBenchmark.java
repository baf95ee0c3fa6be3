package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.store.EpochMetrics;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.GarmentNetwork.Recipe;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelTrainer;
import com.example.garmentclassifier.training.TrainedNetwork;
import com.example.garmentclassifier.training.TrainingParameters;
import com.example.garmentclassifier.training.TrainingProgress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Time to 93.0 % validation accuracy from a fresh start, the committed recipe (BASELINE: its 12-epoch
 * schedule) against the tuned one (FAST: 5 epochs), in one run on the full 55,000/5,000 split; each
 * stops at the first epoch that reaches the target. Writes {@code target/benchmark/training-benchmark.md}.
 * Needs the data set ({@code apt-get install dataset-fashion-mnist}) and about 70 minutes on 2 cores:
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G \
 *   -cp %classpath com.example.garmentclassifier.benchmark.TrainingRecipeBenchmark"
 * </pre>
 * Argument (optional): the recipes to run, e.g. {@code FAST} alone.
 */
public final class TrainingRecipeBenchmark {

    private static final double TARGET = 0.93;

    private TrainingRecipeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Recipe> recipes = args.length > 0 ? List.of(Recipe.valueOf(args[0])) : List.of(Recipe.BASELINE, Recipe.FAST);
        Path data = Path.of(System.getProperty("dataset.dir", "/usr/share/datasets/fashion-mnist"));
        GarmentImages train = new IdxReader().read(data, FashionMnistSplit.TRAIN);
        StringBuilder md = new StringBuilder("# Training: time to 93.0 % validation accuracy\n\n")
                .append("| recipe | epochs planned | seconds per epoch (mean) | epoch reaching 93.0 % | seconds to 93.0 %"
                        + " | best validation |\n|---|--:|--:|--:|--:|--:|\n");
        for (Recipe recipe : recipes) {
            TrainingParameters params = recipe == Recipe.FAST
                    ? new TrainingParameters(5, 64, 0.004, 42, 0, 5000, true, Recipe.FAST, TARGET)
                    : new TrainingParameters(12, 64, 0.002, 42, 0, 5000, true, Recipe.BASELINE, TARGET);
            TrainedNetwork trained = new ModelTrainer().train(train, params, null, new TrainingProgress() { });
            List<EpochMetrics> epochs = trained.epochs();
            double seconds = 0;
            String reached = "not reached";
            String secondsTo = "-";
            double best = 0;
            for (EpochMetrics epoch : epochs) {
                seconds += epoch.seconds();
                best = Math.max(best, epoch.validationAccuracy());
                if (epoch.validationAccuracy() >= TARGET && secondsTo.equals("-")) {
                    reached = String.valueOf(epoch.epoch());
                    secondsTo = String.format(Locale.ROOT, "%.0f", seconds);
                }
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %s | %s | %.4f |%n", recipe, params.epochs(),
                    seconds / epochs.size(), reached, secondsTo, best));
            trained.network().close();
            System.out.println(md);
        }
        Path out = MarkdownOutput.write("training-benchmark.md", md);
        System.out.println("Written " + out);
        System.exit(0);
    }
}
