package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.model.ModelMetadata;
import com.example.garmentclassifier.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gate compares the validation figures versions recorded when they were scored, and measures a
 * version itself only when its record is missing or was taken on other images.
 */
class ValidationGateTest {

    private static final Path MINI_DATA_SET = Path.of("src/test/resources/fashion-mnist-mini");
    /** The mini training file has 1,200 images; its last tenth is the validation split. */
    private static final String MINI_SPLIT = "validation as uploads, training images 1080-1199";
    private static final String COMMITTED_SINGLE_NETWORK = "v20261124-044801";

    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path root;

    @Test
    void recordedFiguresDecideWithoutLoadingEitherVersion() throws IOException {
        // The model files are not models: loading either version would fail its checksum.
        recordedVersion("v1", 0.9400);
        recordedVersion("v2", 0.9450);
        ModelStore store = new ModelStore(root, json);
        ValidationGate gate = new ValidationGate(store, new IdxReader(), MINI_DATA_SET);

        PromotionDecision decision = gate.decide(PromotionPolicy.IF_BETTER, "v2", "v1", 0);

        assertThat(decision.promoted()).isTrue();
        assertThat(decision.candidateAccuracy()).isEqualTo(0.9450);
        assertThat(decision.activeAccuracy()).isEqualTo(0.9400);
        assertThat(decision.measuredOn()).isEqualTo(MINI_SPLIT);
    }

    @Test
    void aFigureRecordedOnOtherImagesIsMeasuredAgain() throws IOException {
        Path committed = Path.of("model-store/versions", COMMITTED_SINGLE_NETWORK);
        Path copy = Files.createDirectories(root.resolve("versions").resolve(COMMITTED_SINGLE_NETWORK));
        try (Stream<Path> files = Files.list(committed)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        ModelMetadata metadata = json.readValue(copy.resolve("metadata.json").toFile(), ModelMetadata.class);
        // Recorded on the full data set's split, not on the mini one the gate reads here.
        Files.write(copy.resolve("metadata.json"), json.writeValueAsBytes(metadata.withValidationAsUploads(
                new ModelMetadata.ValidationAccuracy(0.1234, "validation as uploads, training images 55000-59999"))));
        recordedVersion("candidate", 0.5);
        ModelStore store = new ModelStore(root, json);
        ValidationGate gate = new ValidationGate(store, new IdxReader(), MINI_DATA_SET);

        PromotionDecision decision = gate.decide(PromotionPolicy.IF_BETTER, "candidate", COMMITTED_SINGLE_NETWORK, 0);

        assertThat(decision.activeAccuracy()).isNotEqualTo(0.1234).isGreaterThan(0.8);
        assertThat(decision.promoted()).isFalse();
    }

    /** A version whose model file is not a model, with a validation figure recorded on the mini split. */
    private void recordedVersion(String version, double accuracy) throws IOException {
        Path dir = Files.createDirectories(root.resolve("versions").resolve(version));
        Files.writeString(dir.resolve("model.zip"), "not a model");
        ModelMetadata metadata = new ModelMetadata(version, Instant.parse("2026-12-01T00:00:00Z"), "test", 0,
                FashionMnistLabels.LABELS, "model.zip", "0".repeat(64), null, null, null, null, null, null,
                new ModelMetadata.ValidationAccuracy(accuracy, MINI_SPLIT));
        Files.write(dir.resolve("metadata.json"), json.writeValueAsBytes(metadata));
    }
}
