package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Train/serve skew of stored versions: accuracy on the 10,000 test images as tensors (how the
 * network was trained) and as uploads (PNG through /classify's decoding and preprocessing), both
 * mirror-averaged as served. Writes {@code target/benchmark/upload-path-accuracy.md}; with
 * {@code --record} also stores the upload figure in each version's metadata. Needs the data set:
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=2G -cp %classpath \
 *   com.example.garmentclassifier.benchmark.UploadPathEvaluation [--record] [version ...]"
 * </pre>
 */
public final class UploadPathEvaluation {

    private UploadPathEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        boolean record = List.of(args).contains("--record");
        TestStore store = TestStore.at(Path.of(System.getProperty("model.store", "model-store")));
        List<String> versions = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        if (versions.isEmpty()) {
            versions = store.versions().list().stream().map(ModelMetadata::version).toList();
        }
        GarmentImages test = new IdxReader().read(Path.of(System.getProperty("dataset.dir",
                "/usr/share/datasets/fashion-mnist")), FashionMnistSplit.TEST);
        ModelEvaluator evaluator = new ModelEvaluator();
        StringBuilder md = new StringBuilder("# Test accuracy as tensors and as uploads\n\n")
                .append(MachineInfo.current()).append("\n\n| version | as tensors | as uploads | gap (points) |"
                        + " weakest class as uploads (F1) |\n|---|--:|--:|--:|---|\n");
        for (String version : versions) {
            try (StoredNetworks networks = store.archive().loadNetworks(version)) {
                EvaluationReport[] reports = evaluator.withServedEngine(networks.members(), served -> new EvaluationReport[] {
                        evaluator.evaluate(served, test), evaluator.evaluateAsUploads(served, test)});
                EvaluationReport.ClassMetrics weakest = reports[1].perClass().stream()
                        .min(java.util.Comparator.comparingDouble(EvaluationReport.ClassMetrics::f1)).orElseThrow();
                md.append(String.format(Locale.ROOT, "| %s | %.2f %% | %.2f %% | %.2f | %s (%.3f) |%n", version,
                        reports[0].accuracy() * 100, reports[1].accuracy() * 100,
                        (reports[0].accuracy() - reports[1].accuracy()) * 100, weakest.label(), weakest.f1()));
                if (record) {
                    store.records().recordTestAsUploads(version, reports[1]);
                }
            }
        }
        MarkdownOutput.write("upload-path-accuracy.md", md);
        System.out.println(md);
        System.exit(0);
    }
}
