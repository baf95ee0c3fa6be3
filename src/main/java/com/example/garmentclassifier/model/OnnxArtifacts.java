package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.ServedEngines;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.inference.parity.ParityCheck;
import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.inference.parity.ParityReport;
import com.example.garmentclassifier.model.onnx.OnnxExporter;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ONNX form of stored versions ({@code versions/{id}/model.onnx}, named with its SHA-256 in the
 * metadata): found and verified, or added to a version that was stored without one.
 */
public class OnnxArtifacts {

    private static final Logger log = LoggerFactory.getLogger(OnnxArtifacts.class);

    private final ModelVersions versions;
    private final MetadataRecords records;

    public OnnxArtifacts(ModelVersions versions, MetadataRecords records) {
        this.versions = versions;
        this.records = records;
    }

    /**
     * The version's ONNX file if it has one whose checksum passes; empty if it was never converted.
     * A file that fails its checksum is reported and treated as absent, so it is converted again.
     */
    public Optional<Path> file(String version) {
        ModelMetadata metadata = versions.readMetadata(version);
        if (metadata.onnx() == null) {
            return Optional.empty();
        }
        try {
            Optional<Path> file = versions.intactFile(version, metadata.onnx());
            if (file.isPresent()) {
                return file;
            }
        } catch (IOException e) {
            log.warn("Cannot read the ONNX file of version {}: {}", version, e.getMessage());
            return Optional.empty();
        }
        log.warn("The ONNX file of version {} is missing or fails its checksum; it will be converted again", version);
        return Optional.empty();
    }

    /**
     * Adds the ONNX form of an existing version: the file first, then the metadata naming it, each
     * replaced atomically, so a crash in between leaves a version that simply has no ONNX file yet.
     */
    public ModelMetadata attach(String version, byte[] onnx) {
        try {
            String sha256 = versions.replaceFile(version, StoreLayout.ONNX_FILE, onnx);
            ModelMetadata.Artifact artifact = new ModelMetadata.Artifact(StoreLayout.ONNX_FILE, sha256);
            ModelMetadata metadata = records.update(version, stored -> stored.withOnnx(artifact));
            log.info("Stored the ONNX form of model version {}", version);
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the ONNX form of version " + version, e);
        }
    }

    /**
     * The ONNX form checked against the networks it was converted from, on the parity probes, as the
     * record a load trusts later (see {@code ModelLoader}); null, logged, when it does not match or
     * cannot run, so the first load checks it again and decides.
     */
    static ModelMetadata.OnnxParity checkedParity(List<MultiLayerNetwork> members, byte[] onnx, String onnxSha256) {
        // Not closed: closing a DL4J engine closes its network, and the networks belong to the caller.
        InferenceEngine dl4j = ServedEngines.dl4j(members);
        try (OnnxRuntimeEngine onnxRuntime = ServedEngines.onnxRuntime(onnx)) {
            ParityReport report = ParityCheck.compare(dl4j, onnxRuntime, ParityProbes.standard());
            if (!report.passed()) {
                log.warn("The ONNX form does not match DL4J ({}); it is checked again when the version is loaded",
                        report.summary());
                return null;
            }
            return report.recordFor(onnxSha256);
        } catch (RuntimeException e) {
            log.warn("The ONNX form could not be checked against DL4J ({}); it is checked when the version is loaded",
                    e.getMessage());
            return null;
        }
    }

    /** The networks as one ONNX model, or null (logged) when one has a layer the exporter does not map. */
    static byte[] exportOrNull(List<MultiLayerNetwork> members) {
        try {
            return new OnnxExporter().export(members, ImageShape.GARMENT);
        } catch (RuntimeException e) {
            log.warn("Model stored without an ONNX form: {}", e.getMessage());
            return null;
        }
    }
}
