package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.inference.InferenceProperties;
import com.example.garmentclassifier.inference.InferenceProperties.Engine;
import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.EnsembleEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.MirrorAveragedEngine;
import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.GarmentNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ensemble version: stored as several model files with checksums, loaded as all of them, and
 * served (on ONNX Runtime, one graph) as the mean of its members' probabilities, which DL4J
 * computes member by member as the reference.
 */
class EnsembleVersionTest {

    private static final InferenceProperties AUTO = new InferenceProperties(Engine.AUTO, 1, false, false);

    private static MultiLayerNetwork first;
    private static MultiLayerNetwork second;

    @TempDir
    Path root;

    @BeforeAll
    static void createNetworks() {
        first = GarmentNetwork.create(3, 0.001, GarmentNetwork.Recipe.FAST);
        second = GarmentNetwork.create(4, 0.001, GarmentNetwork.Recipe.FAST);
    }

    @AfterAll
    static void closeNetworks() {
        first.close();
        second.close();
    }

    private TestStore store() {
        return TestStore.at(root);
    }

    @Test
    void anEnsembleIsStoredAsOneFilePerMemberAndLoadsAsAllOfThem() {
        TestStore store = store();
        ModelMetadata saved = store.archive().save(List.of(first, second), NetworkArchiveTest.draft(Instant.now()));

        assertThat(saved.modelFile()).isEqualTo("model.zip");
        assertThat(saved.ensembleMembers()).extracting(ModelMetadata.Artifact::file).containsExactly("model-2.zip");
        assertThat(saved.networkFiles()).hasSize(2);
        assertThat(store.versions().readMetadata(saved.version())).usingRecursiveComparison().isEqualTo(saved);
        try (StoredNetworks loaded = store.archive().loadNetworks(saved.version())) {
            assertThat(loaded.members()).hasSize(2);
            assertThat(loaded.members().get(0).params()).isEqualTo(first.params());
            assertThat(loaded.members().get(1).params()).isEqualTo(second.params());
        }
        String singleVersion = store.archive().save(first, NetworkArchiveTest.draft(Instant.now())).version();
        try (StoredNetworks single = store.archive().loadNetworks(singleVersion)) {
            assertThat(single.ensemble()).isFalse();
        }
    }

    @Test
    void theServedEnsembleIsTheMeanOfItsMembersOnOnnxRuntime() {
        TestStore store = store();
        String version = store.archive().save(List.of(first, second), NetworkArchiveTest.draft(Instant.now())).version();
        float[][] probes = ParityProbes.standard();

        LoadedModel model = store.loader(AUTO).load(version);
        try {
            assertThat(model.engine().engine()).isEqualTo("onnxruntime");
            assertThat(model.engine().parity().passed()).isTrue();
            float[][] served = model.predict(probes);
            float[][] alone = mirrorAveraged(first).predict(probes);
            float[][] other = mirrorAveraged(second).predict(probes);
            double fromFirst = 0;
            for (int i = 0; i < probes.length; i++) {
                for (int c = 0; c < served[i].length; c++) {
                    assertThat((double) served[i][c]).isCloseTo((alone[i][c] + other[i][c]) / 2.0,
                            org.assertj.core.data.Offset.offset(1e-4));
                    fromFirst = Math.max(fromFirst, Math.abs(served[i][c] - alone[i][c]));
                }
            }
            assertThat(fromFirst).as("the members differ, so serving one of them alone would fail above").isGreaterThan(1e-3);
        } finally {
            model.discard();
        }
    }

    @Test
    void aMemberFileThatChangedOrEscapesTheVersionIsRefused() throws Exception {
        TestStore store = store();
        ModelMetadata saved = store.archive().save(List.of(first, second), NetworkArchiveTest.draft(Instant.now()));
        Path member = store.layout().versionDirectory(saved.version()).resolve("model-2.zip");
        byte[] original = Files.readAllBytes(member);
        byte[] changed = original.clone();
        changed[changed.length / 2] ^= 1;
        Files.write(member, changed);
        assertThatThrownBy(() -> store.archive().loadNetworks(saved.version()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("checksum mismatch");

        Files.write(member, original);
        store.records().update(saved.version(), stored -> stored.withEnsembleMembers(List.of(
                new ModelMetadata.Artifact("../model-2.zip", saved.ensembleMembers().get(0).sha256()))));
        assertThatThrownBy(() -> store.archive().loadNetworks(saved.version()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("invalid ensemble member");
    }

    /** A DL4J engine over a private copy, so closing it leaves the shared network open. */
    private static MirrorAveragedEngine mirrorAveraged(MultiLayerNetwork network) {
        return new MirrorAveragedEngine(new EnsembleEngine(List.of(new Dl4jEngine(network.clone(), ImageShape.GARMENT))),
                ImageShape.GARMENT);
    }
}
