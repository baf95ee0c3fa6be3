package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.FashionMnistLabels;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.GarmentImages;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.training.ValidationFingerprint;
import com.example.garmentclassifier.training.ValidationSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate compares the validation figures versions recorded when they were scored, and measures a
 * version itself, once, only when its record is missing or was taken on other model inputs.
 */
class ValidationGateTest {

    private static final Path MINI_DATA_SET = Path.of("src/test/resources/fashion-mnist-mini");
    private static final String COMMITTED_SINGLE_NETWORK = "v20261124-044801";
    /** What the gate names the mini data set's validation inputs; a record must match it to be compared. */
    private static String miniInputs;

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path root;

    @BeforeAll
    static void nameTheMiniInputs() {
        miniInputs = ValidationSplit.measuredOn(new IdxReader().read(MINI_DATA_SET, FashionMnistSplit.TRAIN));
    }

    @Test
    void theInputsAreNamedBySplitAndFingerprint() {
        // The mini training file has 1,200 images; its last tenth is the validation split.
        assertThat(miniInputs).matches("validation as uploads, training images 1080-1199, inputs [0-9a-f]{12}");
    }

    @Test
    void theFingerprintIsStableAndChangesWithTheImagesOrLabels() {
        GarmentImages validation = ValidationSplit.of(
                new IdxReader().read(MINI_DATA_SET, FashionMnistSplit.TRAIN));
        String fingerprint = ValidationFingerprint.of(validation);
        assertThat(ValidationFingerprint.of(validation)).isEqualTo(fingerprint);

        int[] relabelled = validation.labels().clone();
        relabelled[7] = (relabelled[7] + 1) % 10;
        assertThat(ValidationFingerprint.of(new GarmentImages(validation.pixels(), relabelled))).isNotEqualTo(fingerprint);

        byte[][] repainted = validation.pixels().clone();
        repainted[3] = repainted[3].clone();
        repainted[3][400] = (byte) ((repainted[3][400] & 0xFF) ^ 0x80);
        assertThat(ValidationFingerprint.of(new GarmentImages(repainted, validation.labels()))).isNotEqualTo(fingerprint);
    }

    @Test
    void recordedFiguresDecideWithoutLoadingEitherVersion() throws IOException {
        // The model files are not models: loading either version would fail its checksum.
        unloadableVersion("v1", new ModelMetadata.ValidationAccuracy(0.9400, miniInputs));
        unloadableVersion("v2", new ModelMetadata.ValidationAccuracy(0.9450, miniInputs));
        ValidationGate gate = gate(TestStore.at(root));

        PromotionDecision decision = gate.decide(PromotionPolicy.IF_BETTER, "v2", "v1", 0);

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.candidateAccuracy()).isEqualTo(0.9450);
        assertThat(decision.activeAccuracy()).isEqualTo(0.9400);
        assertThat(decision.measuredOn()).isEqualTo(miniInputs);
    }

    @Test
    void aFigureRecordedOnOtherInputsIsNotCompared() throws IOException {
        unloadableVersion("v1", new ModelMetadata.ValidationAccuracy(0.9400,
                "validation as uploads, training images 1080-1199, inputs 000000000000"));
        unloadableVersion("v2", new ModelMetadata.ValidationAccuracy(0.9450, miniInputs));
        ValidationGate gate = gate(TestStore.at(root));

        assertThatThrownBy(() -> gate.decide(PromotionPolicy.IF_BETTER, "v2", "v1", 0))
                .as("v1 must be measured, and its file is not a model")
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("v1");
    }

    @Test
    void aVersionWithoutARecordIsMeasuredOnceAndRecorded() throws IOException {
        Path copy = Files.createDirectories(root.resolve("versions").resolve(COMMITTED_SINGLE_NETWORK));
        try (Stream<Path> files = Files.list(Path.of("model-store/versions", COMMITTED_SINGLE_NETWORK))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        ModelMetadata committed = json.readValue(copy.resolve("metadata.json").toFile(), ModelMetadata.class);
        Files.write(copy.resolve("metadata.json"), json.writeValueAsBytes(committed.withValidationAsUploads(null)));
        unloadableVersion("candidate", new ModelMetadata.ValidationAccuracy(0.5, miniInputs));
        TestStore store = TestStore.at(root);
        ValidationGate gate = gate(store);

        PromotionDecision first = gate.decide(PromotionPolicy.IF_BETTER, "candidate", COMMITTED_SINGLE_NETWORK, 0);

        assertThat(first.activeAccuracy()).as("measured on the mini validation images").isGreaterThan(0.8);
        assertThat(first.promoted()).isFalse();
        assertThat(store.versions().readMetadata(COMMITTED_SINGLE_NETWORK).validationAsUploads())
                .isEqualTo(new ModelMetadata.ValidationAccuracy(first.activeAccuracy(), miniInputs));

        // Recorded now: the next gate compares the figure without loading the network again.
        Files.writeString(copy.resolve("model.zip"), "not a model any more");
        PromotionDecision second = gate.decide(PromotionPolicy.IF_BETTER, "candidate", COMMITTED_SINGLE_NETWORK, 0);
        assertThat(second.activeAccuracy()).isEqualTo(first.activeAccuracy());
    }

    /** A version whose model file is not a model, with the given validation record. */
    private void unloadableVersion(String version, ModelMetadata.ValidationAccuracy recorded) throws IOException {
        Path dir = Files.createDirectories(root.resolve("versions").resolve(version));
        Files.writeString(dir.resolve("model.zip"), "not a model");
        ModelMetadata metadata = new ModelMetadata(version, Instant.parse("2026-12-01T00:00:00Z"), "test", 0,
                FashionMnistLabels.LABELS, "model.zip", "0".repeat(64), null, null, null, null, null, null, recorded);
        Files.write(dir.resolve("metadata.json"), json.writeValueAsBytes(metadata));
    }

    private static ValidationGate gate(TestStore store) {
        return new ValidationGate(store.versions(), store.archive(), store.records(), new IdxReader(), MINI_DATA_SET);
    }
}
