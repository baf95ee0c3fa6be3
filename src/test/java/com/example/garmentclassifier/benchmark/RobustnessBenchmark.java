package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.robustness.RobustnessReport;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import java.nio.file.Path;
import java.util.List;

/**
 * The robustness report on the full test split for the active version (or the one named):
 * accuracy as uploads after each transform of real uploads, as served. Needs the data set; a few minutes:
 * <pre>
 * ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx2g -Dorg.bytedeco.javacpp.maxbytes=2G -cp %classpath \
 *   com.example.garmentclassifier.benchmark.RobustnessBenchmark [version]"
 * </pre>
 * Writes {@code target/benchmark/robustness.md}; {@code -Drobustness.limit=N} uses the first N test images.
 */
public final class RobustnessBenchmark {

    private RobustnessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        TestStore store = TestStore.at(Path.of(System.getProperty("model.store", "model-store")));
        String version = args.length > 0 ? args[0] : store.active().current().orElseThrow();
        GarmentImages test = new IdxReader().read(Path.of(System.getProperty("dataset.dir",
                "/usr/share/datasets/fashion-mnist")), FashionMnistSplit.TEST)
                .first(Integer.getInteger("robustness.limit", Integer.MAX_VALUE));
        StoredNetworks networks = store.archive().loadNetworks(version);
        List<RobustnessReport.Row> rows = new ModelEvaluator().withServedEngine(networks.members(),
                served -> RobustnessReport.measure(served, test));
        String table = RobustnessReport.markdown(rows) + "\nAccuracy per true class:\n\n"
                + RobustnessReport.markdownPerClass(rows);
        String md = "# Robustness of " + version + " on the " + test.size() + " test images, as uploads\n\n"
                + MachineInfo.current() + "\n\n" + table;
        MarkdownOutput.write("robustness.md", md);
        System.out.println(md);
        System.exit(0);
    }
}
