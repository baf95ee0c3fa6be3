package com.example.garmentclassifier.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.robustness.RobustnessReport.Row;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ModelEvaluator;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The robustness report of the committed model on the mini data set's 300 test images, through
 * the upload path: every transform of real uploads keeps at least 90 % of the clean accuracy,
 * except edge-only outlines, which docs/model.md lists as not reached (the committed ensemble's
 * networks were trained with rotations and score 83 % of clean on them here), held to what they
 * score now so they cannot get worse unnoticed.
 */
@IntegrationTest
class RobustnessTest {

    private static final Set<UploadTransform> NOT_REACHED = EnumSet.of(UploadTransform.OUTLINE);

    @Test
    void theCommittedModelKeepsItsAccuracyUnderWhatRealUploadsDo() {
        GarmentImages test = new IdxReader().read(Path.of("src/test/resources/fashion-mnist-mini"),
                FashionMnistSplit.TEST);
        TestStore store = TestStore.at(Path.of("model-store"));
        List<Row> rows;
        try (StoredNetworks networks = store.archive().loadNetworks(store.active().current().orElseThrow())) {
            rows = new ModelEvaluator().withServedEngine(networks.members(),
                    served -> RobustnessReport.measure(served, test));
        }
        System.out.println("Robustness on " + test.size() + " test images:\n" + RobustnessReport.markdown(rows));

        assertThat(rows.get(0).transform()).isEqualTo(UploadTransform.CLEAN);
        assertThat(rows.get(0).accuracy()).as("clean").isGreaterThan(0.85);
        for (Row row : rows) {
            if (NOT_REACHED.contains(row.transform())) {
                assertThat(row.ofClean()).as(row.transform().description()).isGreaterThanOrEqualTo(0.80);
            } else {
                assertThat(row.ofClean()).as(row.transform().description()).isGreaterThanOrEqualTo(0.90);
            }
        }
    }
}
