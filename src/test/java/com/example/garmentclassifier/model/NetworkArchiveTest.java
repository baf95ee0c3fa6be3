package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.model.engine.ParityCheck;
import com.example.garmentclassifier.model.engine.ParityProbes;
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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
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
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
    void savedVersionLoadsWithTheSameOutputsAndCanBeActivated() {
        TestStore store = store();
        ModelMetadata saved = store.archive().save(network, draft(Instant.parse("2026-01-02T03:04:05Z")));

        assertThat(saved.version()).isEqualTo("v20260102-030405");
        assertThat(saved.modelSha256()).hasSize(64);
        assertThat(store.active().current()).isEmpty();
        store.active().activate(saved.version());
        assertThat(store.active().current()).contains(saved.version());

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
    void metadataWrittenByANewerReleaseStaysReadable() throws IOException {
        // As the service is configured: request bodies with unknown fields are refused, stored metadata is not.
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        TestStore store = TestStore.at(root, strict);
        ModelMetadata saved = store.archive().save(network, draft(Instant.now()));
        Path file = root.resolve("versions").resolve(saved.version()).resolve("metadata.json");
        String newer = Files.readString(file).replaceFirst("\\{", "{\"recordedByANewerRelease\": {\"x\": 1},")
                .replace("\"examples\"", "\"balancedAccuracy\": 0.5, \"examples\"");
        Files.writeString(file, newer);

        assertThat(newer).contains("balancedAccuracy");
        assertThat(store.versions().readMetadata(saved.version()).test().accuracy()).isEqualTo(saved.test().accuracy());
        assertThat(store.versions().list()).extracting(ModelMetadata::version).contains(saved.version());
    }

    /**
     * Two threads record different things about one version at once: the first is held between reading
     * the metadata and writing it until the second has finished (or half a second has passed, which is
     * what happens when the second has to wait its turn). Both must be in the file afterwards; had the
     * second read the metadata before the first wrote it, the first's write would drop its figure.
     */
    @Test
    void concurrentRecordsOfOneVersionAreBothKept() throws Exception {
        TestStore store = store();
        String version = store.archive().save(network, draft(Instant.now())).version();
        java.util.concurrent.CountDownLatch firstInside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch secondDone = new java.util.concurrent.CountDownLatch(1);
        Thread first = new Thread(() -> store.records().update(version, metadata -> {
            firstInside.countDown();
            try {
                secondDone.await(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return metadata.withOnnx(new ModelMetadata.Artifact("model.onnx", "a".repeat(64)));
        }));
        first.start();
        firstInside.await();
        Thread second = new Thread(() -> {
            store.records().recordValidationAsUploads(version, new ModelMetadata.ValidationAccuracy(0.9, "validation"));
            secondDone.countDown();
        });
        second.start();
        first.join();
        second.join();

        ModelMetadata stored = store.versions().readMetadata(version);
        assertThat(stored.onnx()).isNotNull();
        assertThat(stored.validationAsUploads()).isEqualTo(new ModelMetadata.ValidationAccuracy(0.9, "validation"));
    }

    @Test
    void versionsSavedInTheSameSecondGetDistinctIds() {
        TestStore store = store();
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        assertThat(store.archive().save(network, draft(t)).version()).isNotEqualTo(store.archive().save(network, draft(t)).version());
        assertThat(store.versions().list()).hasSize(2);
    }

    @Test
    void tamperedModelFileFailsItsChecksum() throws IOException {
        TestStore store = store();
        ModelMetadata saved = store.archive().save(network, draft(Instant.now()));
        assertThat(store.versions().list()).extracting(ModelMetadata::version).containsExactly(saved.version());
        Path file = root.resolve("versions").resolve(saved.version()).resolve(StoreLayout.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.archive().loadNetwork(saved.version()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("checksum");
        assertThat(store.versions().list()).as("a file changed since it was last listed is checked again").isEmpty();
    }

    @Test
    void halfWrittenAndTemporaryDirectoriesAreSkippedAndCleaned() throws IOException {
        TestStore store = store();
        ModelMetadata good = store.archive().save(network, draft(Instant.now()));
        Files.createDirectories(root.resolve("versions/v20250101-000000"));
        Files.writeString(root.resolve("versions/v20250101-000000/model.zip"), "partial");
        Path interrupted = Files.createDirectories(root.resolve("versions/.tmp-interrupted"));
        Files.setLastModifiedTime(interrupted, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path inProgress = Files.createDirectories(root.resolve("versions/.tmp-another-instance-writing"));

        assertThat(store.versions().list()).extracting(ModelMetadata::version).containsExactly(good.version());
        store.writer().cleanTemporaryFiles();
        assertThat(interrupted).doesNotExist();
        assertThat(inProgress).as("on a shared store a fresh one may be another instance's write").exists();
    }

    @Test
    void unknownOrMaliciousVersionNamesAreNotFound() {
        TestStore store = store();
        assertThatThrownBy(() -> store.archive().loadNetwork("v-none")).isInstanceOf(ModelVersionNotFoundException.class);
        assertThatThrownBy(() -> store.archive().loadNetwork("../../etc")).isInstanceOf(ModelVersionNotFoundException.class);
        assertThatThrownBy(() -> store.active().activate("nope")).isInstanceOf(ModelVersionNotFoundException.class);
    }

    @Test
    void deletedVersionIsGone() {
        TestStore store = store();
        ModelMetadata saved = store.archive().save(network, draft(Instant.now()));
        store.versions().delete(saved.version());
        assertThat(store.versions().list()).isEmpty();
        assertThat(root.resolve("versions").resolve(saved.version())).doesNotExist();
    }
}
