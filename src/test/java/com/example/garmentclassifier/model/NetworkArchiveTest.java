package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.inference.parity.ParityCheck;
import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelStoreWriteException;
import com.example.garmentclassifier.store.ModelVersionNotFoundException;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.training.FashionMnistLabels;
import com.example.garmentclassifier.training.GarmentNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Real DL4J networks through the store: saved with their ONNX form and parity record, restored with the
 * same outputs, and refused when a file fails its checksum or the version does not exist. What the store
 * does with any version's files is tested in the store package (ModelVersionsTest, VersionWriterTest, ...).
 */
class NetworkArchiveTest {

    private static MultiLayerNetwork network;

    @TempDir
    Path root;

    @BeforeAll
    static void createNetwork() {
        network = GarmentNetwork.create(7, 0.001);
    }

    private TestStore store() {
        return TestStore.at(root);
    }

    static ModelMetadata draft(Instant createdAt) {
        return draftFor(null, createdAt);
    }

    static ModelMetadata draftFor(String version, Instant createdAt) {
        return new ModelMetadata(version, createdAt, GarmentNetwork.SUMMARY, 391306, FashionMnistLabels.LABELS,
                null, null, new ModelMetadata.Training(Map.of("epochs", 1), 7, 1.0, 10, 2, 1, null, List.of()),
                new EvaluationReport(0, 0.5, List.of(), new int[10][10]), null, null, null, null, null);
    }

    @Test
    void savedVersionLoadsWithTheSameOutputs() {
        TestStore store = store();
        ModelMetadata saved = store.archive().save(network, draft(Instant.parse("2026-01-02T03:04:05Z")));

        assertThat(saved.version()).isEqualTo("v20260102-030405");
        assertThat(saved.modelSha256()).hasSize(64);

        MultiLayerNetwork loaded = store.archive().loadNetwork(saved.version());
        var input = Nd4j.rand(2, 28, 28, 1);
        assertThat(loaded.output(input).toFloatMatrix()).isEqualTo(network.output(input).toFloatMatrix());
        assertThat(store.versions().readMetadata(saved.version())).usingRecursiveComparison().isEqualTo(saved);
        assertThat(saved.onnx().sha256()).as("training stores the ONNX form too").hasSize(64);
        assertThat(store.onnx().file(saved.version())).isPresent();
        assertThat(saved.onnxParity()).as("checked against DL4J as it is written").isNotNull();
        assertThat(saved.onnxParity().onnxSha256()).isEqualTo(saved.onnx().sha256());
        assertThat(saved.onnxParity().probes()).isEqualTo(ParityProbes.standard().length);
        assertThat(saved.onnxParity().maxAbsDifference()).isLessThanOrEqualTo(ParityCheck.TOLERANCE);
    }

    @ParameterizedTest(name = "{0} fails after {1} bytes")
    @CsvSource({"model.zip, 0", "model.zip, 65536", "model.onnx, 4096", "metadata.json, 10"})
    void aDiskThatFillsUpWhileSavingLeavesNoVersionAndTheActiveOneUnchanged(String file, long bytes)
            throws IOException {
        ModelMetadata active = store().archive().save(network, draft(Instant.parse("2026-01-02T03:04:05Z")));
        store().active().activate(active.version());
        TestStore full = TestStore.at(root, new FailingDisk(file, bytes));

        assertThatThrownBy(() -> full.archive().save(network, draft(Instant.parse("2026-01-03T00:00:00Z"))))
                .isInstanceOf(ModelStoreWriteException.class)
                .hasMessageContaining("No space left on device")
                .hasMessageNotContaining(root.toString());

        assertThat(full.versions().list()).extracting(ModelMetadata::version).containsExactly(active.version());
        assertThat(full.active().current()).contains(active.version());
        try (var leftovers = Files.list(root.resolve("versions"))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).as("no partial version or temporary directory")
                    .containsExactly(active.version());
        }
    }

    @Test
    void tamperedModelFileIsNotRestored() throws IOException {
        TestStore store = store();
        ModelMetadata saved = store.archive().save(network, draft(Instant.now()));
        Path file = root.resolve("versions").resolve(saved.version()).resolve(StoreLayout.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.archive().loadNetwork(saved.version()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("checksum");
    }

    @Test
    void unknownOrMaliciousVersionNamesAreNotFound() {
        TestStore store = store();
        assertThatThrownBy(() -> store.archive().loadNetwork("v-none"))
                .isInstanceOf(ModelVersionNotFoundException.class);
        assertThatThrownBy(() -> store.archive().loadNetwork("../../etc"))
                .isInstanceOf(ModelVersionNotFoundException.class);
    }
}
