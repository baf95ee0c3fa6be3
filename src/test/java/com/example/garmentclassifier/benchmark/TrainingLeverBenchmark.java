package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.training.BatchAssembler;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.GarmentNetwork;
import com.example.garmentclassifier.training.GarmentNetwork.Recipe;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training speed levers, each measured alone against the committed recipe's network: images per
 * second over 100 real training steps (after 20 warm-up steps) with one setting changed, plus the
 * per-epoch evaluation on DL4J and on ONNX Runtime. What a lever does to accuracy (the schedule,
 * the ReLUs) is in {@link TrainingRecipeBenchmark}; this is speed only. Needs the data set; about
 * 6 minutes:
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx3g -Dorg.bytedeco.javacpp.maxbytes=4G -Dorg.bytedeco.javacpp.maxphysicalbytes=10G \
 *   -cp %classpath com.example.garmentclassifier.benchmark.TrainingLeverBenchmark"
 * </pre>
 * Writes {@code target/benchmark/training-levers.md}.
 */
public final class TrainingLeverBenchmark {

    private static final int WARM_UP_STEPS = 20;
    private static final int TIMED_STEPS = 100;

    private record Lever(String name, Recipe recipe, int batchSize, Consumer<MultiLayerNetwork> setting) {
    }

    private TrainingLeverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        GarmentImages train = new IdxReader().read(Path.of(System.getProperty("dataset.dir",
                "/usr/share/datasets/fashion-mnist")), FashionMnistSplit.TRAIN);
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        List<Lever> levers = List.of(
                new Lever("committed recipe's network (CacheMode.NONE, workspaces ENABLED, batch 64)", Recipe.BASELINE,
                        64, n -> { }),
                new Lever("CacheMode.DEVICE", Recipe.BASELINE, 64, n -> n.setCacheMode(CacheMode.DEVICE)),
                new Lever("workspaces NONE", Recipe.BASELINE, 64, n -> {
                    n.getLayerWiseConfigurations().setTrainingWorkspaceMode(WorkspaceMode.NONE);
                    n.getLayerWiseConfigurations().setInferenceWorkspaceMode(WorkspaceMode.NONE);
                }),
                new Lever("batch 128", Recipe.BASELINE, 128, n -> { }),
                new Lever("batch 32", Recipe.BASELINE, 32, n -> { }),
                new Lever("one ND4J thread instead of " + threads, Recipe.BASELINE, 64,
                        n -> Nd4j.getEnvironment().setMaxMasterThreads(1)),
                new Lever("ReLU layers after batch norm (the fast recipe's network, CacheMode.DEVICE)", Recipe.FAST,
                        64, n -> { }));
        StringBuilder md = new StringBuilder("# Training speed, one lever at a time\n\n").append(MachineInfo.current())
                .append("\n\n| lever | images/s | vs committed | seconds per 55k epoch |\n|---|--:|--:|--:|\n");
        double base = 0;
        for (Lever lever : levers) {
            Nd4j.getEnvironment().setMaxMasterThreads(threads);
            double rate = imagesPerSecond(train, lever);
            base = base == 0 ? rate : base;
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.2fx | %.0f |%n", lever.name(), rate, rate / base,
                    55_000 / rate));
            System.out.println(md);
        }
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        md.append(evaluationTimes(train));
        MarkdownOutput.write("training-levers.md", md);
        System.out.println(md);
        System.exit(0);
    }

    private static double imagesPerSecond(GarmentImages train, Lever lever) {
        MultiLayerNetwork network = GarmentNetwork.create(42, 0.002, lever.recipe());
        lever.setting().accept(network);
        Random random = new Random(42);
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long start = 0;
        for (int step = 0; step < WARM_UP_STEPS + TIMED_STEPS; step++) {
            if (step == WARM_UP_STEPS) {
                start = System.nanoTime();
            }
            int from = step * lever.batchSize();
            network.fit(BatchAssembler.trainingBatch(train, order, from, from + lever.batchSize(), random));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        network.close();
        return TIMED_STEPS * lever.batchSize() / seconds;
    }

    /** The per-epoch check (2,000 training images and the 5,000 validation images, mirror-averaged). */
    private static String evaluationTimes(GarmentImages train) {
        MultiLayerNetwork network = GarmentNetwork.create(42, 0.002, Recipe.FAST);
        GarmentImages images = train.first(7_000);
        ModelEvaluator evaluator = new ModelEvaluator();
        evaluator.accuracy(network, images.first(500));
        long dl4jStart = System.nanoTime();
        evaluator.accuracy(network, images);
        double dl4j = (System.nanoTime() - dl4jStart) / 1e9;
        long onnxStart = System.nanoTime();
        evaluator.withServedEngine(network, engine -> evaluator.evaluate(engine, images));
        double onnx = (System.nanoTime() - onnxStart) / 1e9;
        network.close();
        return String.format(Locale.ROOT, "%nPer-epoch evaluation of 7,000 images, mirror-averaged: DL4J %.1f s,"
                + " ONNX Runtime %.1f s (including the export and session creation).%n", dl4j, onnx);
    }
}
