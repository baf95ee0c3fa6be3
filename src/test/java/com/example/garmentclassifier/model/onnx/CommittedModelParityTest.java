package com.example.garmentclassifier.model.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.garmentclassifier.model.engine.Dl4jEngine;
import com.example.garmentclassifier.model.engine.ImageShape;
import com.example.garmentclassifier.model.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.model.engine.ParityCheck;
import com.example.garmentclassifier.model.engine.ParityProbes;
import com.example.garmentclassifier.model.engine.ParityReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model version committed to the store, converted, must answer as DL4J does. */
class CommittedModelParityTest {

    private static final Path VERSIONS = Path.of("model-store", "versions");

    static List<Path> committedModels() throws IOException {
        try (Stream<Path> versions = Files.list(VERSIONS)) {
            return versions.map(version -> version.resolve("model.zip")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void bothCommittedVersionsAreChecked() throws IOException {
        assertEquals(2, committedModels().size(), "model.zip files under " + VERSIONS.toAbsolutePath());
    }

    @ParameterizedTest
    @MethodSource("committedModels")
    void convertedModelMatchesDl4jOnTheParityProbes(Path model) throws IOException {
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), false);
        byte[] onnx = new OnnxExporter().export(network, ImageShape.GARMENT);
        float[][] probes = ParityProbes.standard();

        ParityReport report;
        try (Dl4jEngine dl4j = new Dl4jEngine(network, ImageShape.GARMENT);
             OnnxRuntimeEngine ort = new OnnxRuntimeEngine(onnx, ImageShape.GARMENT, 2)) {
            report = ParityCheck.compare(dl4j, ort, probes);
        }

        System.out.println(model + ": " + report.summary());
        assertEquals(probes.length, report.probes());
        assertTrue(report.passed(), report.summary());
    }
}
