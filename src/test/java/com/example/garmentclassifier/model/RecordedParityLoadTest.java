package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.inference.InferenceProperties;
import com.example.garmentclassifier.inference.InferenceProperties.Engine;
import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A version whose ONNX form passed its parity check once is served on that record at later loads,
 * without restoring DL4J; anything that makes the record stale sends the load back to the full check.
 */
class RecordedParityLoadTest {

    private static final InferenceProperties REUSE = new InferenceProperties(Engine.AUTO, 1, false, true);

    /** A store's archive that counts how often the DL4J networks are restored. */
    private static final class CountingArchive extends NetworkArchive {
        final AtomicInteger restores = new AtomicInteger();

        CountingArchive(TestStore store) {
            super(store.versions(), store.writer());
        }

        @Override
        public StoredNetworks loadNetworks(String version) {
            restores.incrementAndGet();
            return super.loadNetworks(version);
        }
    }

    @Test
    void theFirstLoadChecksAndRecordsAndTheNextServesOnTheRecordWithoutDl4j() throws IOException {
        Path copy = ModelStoreCopy.ofCommitted();
        TestStore plain = TestStore.at(copy);
        CountingArchive archive = new CountingArchive(plain);
        TestStore store = plain.withArchive(archive);
        String version = activeVersion(copy);
        stripRecordedParity(store, version);
        float[][] probes = ParityProbes.standard();

        LoadedModel checked = store.loader(REUSE).load(version);
        float[][] checkedAnswers;
        try {
            assertThat(checked.engine().engine()).isEqualTo("onnxruntime");
            assertThat(checked.engine().reason()).isEqualTo("matches DL4J on the probe set");
            checkedAnswers = checked.predict(new float[][] {probes[0], probes[1]});
        } finally {
            checked.discard();
        }
        assertThat(archive.restores).hasValue(1);
        ModelMetadata.OnnxParity recorded = store.versions().readMetadata(version).onnxParity();
        assertThat(recorded).isNotNull();
        assertThat(recorded.onnxSha256()).isEqualTo(store.versions().readMetadata(version).onnx().sha256());
        assertThat(recorded.probes()).isEqualTo(probes.length);
        assertThat(recorded.argmaxMismatches()).isZero();

        LoadedModel reused = store.loader(REUSE).load(version);
        try {
            assertThat(archive.restores).as("DL4J is not restored again").hasValue(1);
            assertThat(reused.engine().engine()).isEqualTo("onnxruntime");
            assertThat(reused.engine().reason()).contains("recorded; DL4J not loaded");
            assertThat(reused.engine().parity().passed()).isTrue();
            assertThat(reused.predict(new float[][] {probes[0], probes[1]})).isEqualTo(checkedAnswers);
        } finally {
            reused.discard();
        }

        LoadedModel unshortened = store.loader(new InferenceProperties(Engine.AUTO, 1, false, false)).load(version);
        try {
            assertThat(archive.restores).as("reuse-parity-check=false checks again").hasValue(2);
            assertThat(unshortened.engine().reason()).isEqualTo("matches DL4J on the probe set");
        } finally {
            unshortened.discard();
        }
    }

    @Test
    void aDamagedNetworkFileIsRefusedEvenWithARecordedCheck() throws IOException {
        Path copy = ModelStoreCopy.ofCommitted();
        TestStore plain = TestStore.at(copy);
        CountingArchive archive = new CountingArchive(plain);
        TestStore store = plain.withArchive(archive);
        String version = activeVersion(copy);
        recordPassedCheck(store, version);
        Path modelFile = copy.resolve("versions").resolve(version).resolve(StoreLayout.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 2] ^= 0x21;
        Files.write(modelFile, bytes);

        assertThatThrownBy(() -> store.loader(REUSE).load(version))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void anOnnxFileReplacedAfterTheCheckIsCheckedAgainAndAMismatchServesOnDl4j() {
        // The foreign ONNX form is attached after the copy's own check was recorded: attaching clears it.
        Path copy = ModelStoreCopy.withMismatchedOnnx();
        TestStore plain = TestStore.at(copy);
        CountingArchive archive = new CountingArchive(plain);
        TestStore store = plain.withArchive(archive);
        String version = activeVersion(copy);
        assertThat(store.versions().readMetadata(version).onnxParity()).isNull();

        LoadedModel model = store.loader(REUSE).load(version);
        try {
            assertThat(archive.restores).hasValue(1);
            assertThat(model.engine().engine()).isEqualTo("dl4j");
            assertThat(model.engine().reason()).contains("does not match DL4J");
        } finally {
            model.discard();
        }
        assertThat(store.versions().readMetadata(version).onnxParity()).as("a failed check is not recorded").isNull();
    }

    @Test
    void aRecordForAnotherOnnxFileIsNotTrusted() {
        Path copy = ModelStoreCopy.ofCommitted();
        TestStore plain = TestStore.at(copy);
        CountingArchive archive = new CountingArchive(plain);
        TestStore store = plain.withArchive(archive);
        String version = activeVersion(copy);
        store.records().update(version, metadata -> metadata.withOnnxParity(
                new ModelMetadata.OnnxParity("0".repeat(64), 305, 0, 0, java.time.Instant.now())));

        LoadedModel model = store.loader(REUSE).load(version);
        try {
            assertThat(archive.restores).hasValue(1);
            assertThat(model.engine().reason()).isEqualTo("matches DL4J on the probe set");
        } finally {
            model.discard();
        }
        assertThat(store.versions().readMetadata(version).onnxParity().onnxSha256())
                .isEqualTo(store.versions().readMetadata(version).onnx().sha256());
    }

    private static void recordPassedCheck(TestStore store, String version) {
        store.loader(REUSE).load(version).discard();
        assertThat(store.versions().readMetadata(version).onnxParity()).isNotNull();
    }

    private static void stripRecordedParity(TestStore store, String version) {
        store.records().update(version, metadata -> metadata.withOnnxParity(null));
    }

    private static String activeVersion(Path store) {
        try {
            return Files.readString(store.resolve("active-version")).trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
