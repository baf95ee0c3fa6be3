package com.example.garmentclassifier.model;

import com.example.garmentclassifier.inference.InferenceProperties;
import com.example.garmentclassifier.inference.InferenceProperties.Engine;
import com.example.garmentclassifier.inference.ServedEngines;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.inference.parity.ParityCheck;
import com.example.garmentclassifier.inference.parity.ParityProbes;
import com.example.garmentclassifier.inference.parity.ParityReport;
import com.example.garmentclassifier.inference.serving.EngineSelection;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.model.onnx.OnnxExporter;
import com.example.garmentclassifier.model.onnx.UnsupportedNetworkException;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a stored version into a served one. DL4J is the reference: the version's ONNX form (stored,
 * or converted now and stored) serves only after it matched DL4J on the probe set, unless the
 * configuration says otherwise; if it does not, the version serves on DL4J and says why.
 */
public class ModelLoader {

    private static final Logger log = LoggerFactory.getLogger(ModelLoader.class);

    private final NetworkArchive archive;
    private final ModelVersions versions;
    private final MetadataRecords records;
    private final OnnxArtifacts onnxArtifacts;
    private final InferenceProperties settings;
    /** Images both engines must agree on before ONNX Runtime serves a version (see {@link ParityProbes}). */
    private final float[][] parityProbes;

    public ModelLoader(NetworkArchive archive, ModelVersions versions, MetadataRecords records,
                       InferenceProperties settings) {
        this.archive = archive;
        this.versions = versions;
        this.records = records;
        this.onnxArtifacts = new OnnxArtifacts(versions, records);
        this.settings = settings;
        this.parityProbes = ParityProbes.standard();
    }

    public LoadedModel load(String version) {
        if (settings.engine() == Engine.AUTO && settings.reuseParityCheck()) {
            Optional<LoadedModel> checked = servedOnRecordedParity(version);
            if (checked.isPresent()) {
                return checked.get();
            }
        }
        StoredNetworks networks = archive.loadNetworks(version);
        InferenceEngine dl4j = ServedEngines.dl4j(networks.members());
        try {
            return choose(version, networks, dl4j);
        } catch (RuntimeException e) {
            // Whatever failed after the networks were loaded, their native memory is freed now, not at some GC.
            dl4j.close();
            throw e;
        }
    }

    /**
     * The version on ONNX Runtime alone, when its metadata records a passed parity check for the very
     * ONNX file it holds: restoring the DL4J networks only to repeat that check would double a load's
     * time and keep their memory until it ends. Every network file's checksum is still verified, so a
     * damaged version is refused as before. Empty, and the full load follows, when nothing usable is recorded.
     */
    private Optional<LoadedModel> servedOnRecordedParity(String version) {
        ModelMetadata metadata = versions.readMetadata(version);
        if (!metadata.onnxParityCoversOnnx()) {
            return Optional.empty();
        }
        ModelMetadata.OnnxParity recorded = metadata.onnxParity();
        versions.verifyNetworkFiles(version);
        Optional<byte[]> onnxModel = storedOnnx(version);
        if (onnxModel.isEmpty()) {
            return Optional.empty();
        }
        OnnxRuntimeEngine onnx;
        try {
            onnx = onnxRuntime(onnxModel.get());
        } catch (RuntimeException e) {
            log.warn("Version {}: its ONNX form does not open ({}); loading it in full", version, e.getMessage());
            return Optional.empty();
        }
        return Optional.of(serve(metadata, onnx, new EngineSelection(onnx.name(),
                "matched DL4J on the probe set when checked at " + recorded.checkedAt() + " (recorded; DL4J not loaded)",
                ParityReport.of(recorded))));
    }

    /** Records a passed check, so that the next load of the version can skip DL4J (see servedOnRecordedParity). */
    private ModelMetadata recordParity(String version, ModelMetadata metadata, ParityReport parity) {
        if (metadata.onnx() == null) {
            return metadata;
        }
        ModelMetadata.OnnxParity record = parity.recordFor(metadata.onnx().sha256());
        try {
            // Only if the ONNX file is still the one checked: another process may have replaced it meanwhile.
            return records.update(version, stored -> {
                ModelMetadata recorded = stored.withOnnxParity(record);
                return recorded.onnxParityCoversOnnx() ? recorded : stored;
            });
        } catch (RuntimeException e) {
            log.warn("Version {} passed its parity check, but it cannot be recorded ({}); it is checked again at each load",
                    version, e.getMessage());
            return metadata;
        }
    }

    /** ONNX Runtime on the version's ONNX form, with serving's threads and spinning. */
    private OnnxRuntimeEngine onnxRuntime(byte[] onnxModel) {
        return ServedEngines.onnxRuntime(onnxModel, settings.threadsOrProcessors(), settings.spinWait());
    }

    private LoadedModel choose(String version, StoredNetworks networks, InferenceEngine dl4j) {
        if (settings.engine() == Engine.DL4J) {
            return serve(versions.readMetadata(version), dl4j,
                    new EngineSelection(dl4j.name(), "configured: classifier.inference.engine=dl4j", null));
        }
        OnnxRuntimeEngine onnx;
        try {
            onnx = onnxRuntime(onnxModel(version, networks));
        } catch (RuntimeException e) {
            log.warn("Version {} serves on DL4J: no ONNX Runtime engine ({})", version, e.getMessage());
            return serve(versions.readMetadata(version), dl4j, new EngineSelection(dl4j.name(),
                    "ONNX Runtime unavailable for this version: " + e.getMessage(), null));
        }
        ParityReport parity;
        ModelMetadata metadata;
        try {
            parity = ParityCheck.compare(dl4j, onnx, parityProbes);
            // Read after the conversion, which may have added the ONNX file to the version's metadata.
            metadata = versions.readMetadata(version);
        } catch (RuntimeException e) {
            onnx.close();
            throw e;
        }
        if (parity.passed() && !metadata.onnxParityCoversOnnx()) {
            metadata = recordParity(version, metadata, parity);
        }
        if (parity.passed() || settings.engine() == Engine.ONNXRUNTIME) {
            dl4j.close();
            String reason = parity.passed() ? "matches DL4J on the probe set"
                    : "configured: classifier.inference.engine=onnxruntime, although it does not match DL4J";
            if (!parity.passed()) {
                log.warn("Version {} serves on ONNX Runtime as configured, but parity failed: {}", version,
                        parity.summary());
            }
            return serve(metadata, onnx, new EngineSelection(onnx.name(), reason, parity));
        }
        onnx.close();
        log.warn("Version {} serves on DL4J: ONNX Runtime does not match it ({})", version, parity.summary());
        return serve(metadata, dl4j, new EngineSelection(dl4j.name(),
                "ONNX Runtime does not match DL4J on the probe set", parity));
    }

    private static LoadedModel serve(ModelMetadata metadata, InferenceEngine engine, EngineSelection selection) {
        return new LoadedModel(metadata, ServedEngines.served(engine, metadata.calibration()), selection);
    }

    /** The version as ONNX, for clients that take the model to their own runtime; converted if not yet stored. */
    public byte[] onnxModel(String version) {
        Optional<byte[]> stored = storedOnnx(version);
        if (stored.isPresent()) {
            return stored.get();
        }
        try (StoredNetworks networks = archive.loadNetworks(version)) {
            return convertAndStore(version, networks);
        }
    }

    private byte[] onnxModel(String version, StoredNetworks networks) {
        return storedOnnx(version).orElseGet(() -> convertAndStore(version, networks));
    }

    private Optional<byte[]> storedOnnx(String version) {
        Optional<Path> stored = onnxArtifacts.file(version);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(stored.get()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the ONNX file of version " + version, e);
        }
    }

    /** Converts the network and stores the result for next time (if the store is writable). */
    private byte[] convertAndStore(String version, StoredNetworks networks) {
        byte[] converted;
        try {
            converted = new OnnxExporter().export(networks.members(), ImageShape.GARMENT);
        } catch (UnsupportedNetworkException e) {
            throw new InvalidModelException("version " + version + " cannot be converted to ONNX: " + e.getMessage(), e);
        }
        try {
            onnxArtifacts.attach(version, converted);
        } catch (RuntimeException e) {
            log.warn("Converted version {} to ONNX but cannot store it ({}); it is converted again at each load",
                    version, e.getMessage());
        }
        return converted;
    }
}
