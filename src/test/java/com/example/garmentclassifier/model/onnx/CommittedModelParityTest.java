package com.example.garmentclassifier.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.EnsembleEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.inference.parity.ParityCheck;
import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.inference.parity.ParityReport;
import com.example.garmentclassifier.model.StoredNetworks;
import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.store.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model version committed to the store, converted (an ensemble as one graph), must answer as DL4J does. */
@IntegrationTest
class CommittedModelParityTest {

    private static final Path STORE = Path.of("model-store");

    static List<String> committedVersions() throws IOException {
        try (Stream<Path> versions = Files.list(STORE.resolve("versions"))) {
            return versions.filter(version -> Files.isRegularFile(version.resolve("model.zip")))
                    .map(version -> version.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyCommittedVersionIsChecked() throws IOException {
        // Every version folder has its network: none is skipped by the filter above (seven are committed).
        try (Stream<Path> folders = Files.list(STORE.resolve("versions"))) {
            assertEquals(folders.filter(Files::isDirectory).count(), committedVersions().size(),
                    "versions under " + STORE.toAbsolutePath());
        }
        assertEquals(7, committedVersions().size(), "versions under " + STORE.toAbsolutePath());
    }

    /**
     * The stored ONNX file and a fresh conversion must both answer as DL4J does, on this machine's CPU:
     * loads trust the check recorded with the version (ModelLoader), and the record must exist, or every
     * test context and fresh clone restores DL4J and its first load writes the record into this store.
     */
    @ParameterizedTest
    @MethodSource("committedVersions")
    void storedAndConvertedOnnxFormsMatchDl4jAndTheCheckIsRecorded(String version) throws IOException {
        TestStore store = TestStore.at(STORE);
        ModelMetadata metadata = store.versions().readMetadata(version);
        assertNotNull(metadata.onnx(), version + " has no ONNX form");
        assertNotNull(metadata.onnxParity(), version + " has no recorded parity check (onnxParity)");
        assertEquals(metadata.onnx().sha256(), metadata.onnxParity().onnxSha256(), "the record names the stored file");
        byte[] stored = Files.readAllBytes(STORE.resolve("versions").resolve(version).resolve(metadata.onnx().file()));
        float[][] probes = ParityProbes.standard();
        assertEquals(probes.length, metadata.onnxParity().probes());

        StoredNetworks networks = store.archive().loadNetworks(version);
        byte[] converted = new OnnxExporter().export(networks.members(), ImageShape.GARMENT);
        // Closing the DL4J engines closes the networks.
        List<Dl4jEngine> members = networks.members().stream()
                .map(network -> new Dl4jEngine(network, ImageShape.GARMENT)).toList();
        try (EnsembleEngine dl4j = new EnsembleEngine(members)) {
            for (byte[] onnx : List.of(stored, converted)) {
                String form = onnx == stored ? "stored file" : "converted now";
                ParityReport report;
                try (OnnxRuntimeEngine ort = new OnnxRuntimeEngine(onnx, ImageShape.GARMENT, 2)) {
                    report = ParityCheck.compare(dl4j, ort, probes);
                }
                System.out.println(version + " (" + form + "): " + report.summary());
                assertEquals(probes.length, report.probes());
                assertTrue(report.passed(), form + ": " + report.summary());
            }
        }
    }
}
