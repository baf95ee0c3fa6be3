package com.example.garmentclassifier.model;

import com.example.garmentclassifier.store.ActiveVersion;
import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.MetadataRecords;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.StoreLock;
import com.example.garmentclassifier.store.StoreLocks;
import com.example.garmentclassifier.store.StoreOutput;
import com.example.garmentclassifier.store.VersionWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Saves DL4J networks as a new version (with their ONNX form and its parity record) and restores them;
 * the files themselves are the store package's ({@link StoreLayout}). Its other methods only delegate to
 * the store's parts, so that callers not yet moved keep working; they go once each caller takes the
 * part it needs (ModelVersions, ActiveVersion, MetadataRecords, ...).
 */
public class ModelStore {

    public static final String MODEL_FILE = StoreLayout.MODEL_FILE;
    public static final String METADATA_FILE = StoreLayout.METADATA_FILE;
    public static final String ONNX_FILE = StoreLayout.ONNX_FILE;

    private final StoreLayout layout;
    private final ModelVersions versions;
    private final VersionWriter writer;
    private final MetadataRecords records;
    private final ActiveVersion active;
    private final StoreLocks locks;

    public ModelStore(Path root, JsonMapper json) {
        this(root, json, StoreOutput.DISK);
    }

    public ModelStore(Path root, JsonMapper json, StoreOutput output) {
        this(new StoreLayout(root), json, output);
    }

    private ModelStore(StoreLayout layout, JsonMapper json, StoreOutput output) {
        this(layout, new ModelVersions(layout, json), new VersionWriter(layout, json, output), json);
    }

    private ModelStore(StoreLayout layout, ModelVersions versions, VersionWriter writer, JsonMapper json) {
        this(layout, versions, writer, new MetadataRecords(layout, versions, json), new ActiveVersion(layout),
                new StoreLocks(layout));
    }

    /** Over the store's parts as the application wires them, so that both share their state and locks. */
    public ModelStore(StoreLayout layout, ModelVersions versions, VersionWriter writer, MetadataRecords records,
                      ActiveVersion active, StoreLocks locks) {
        this.layout = layout;
        this.versions = versions;
        this.writer = writer;
        this.records = records;
        this.active = active;
        this.locks = locks;
    }

    public Path root() {
        return layout.root();
    }

    public ModelMetadata save(MultiLayerNetwork network, ModelMetadata draft) {
        return save(List.of(network), draft);
    }

    public ModelMetadata save(List<MultiLayerNetwork> members, ModelMetadata draft) {
        return writer.write(draft.createdAt(), version -> {
            String modelSha256 = version.write(MODEL_FILE, out -> ModelSerializer.writeModel(members.get(0), out, false));
            List<ModelMetadata.Artifact> further = new ArrayList<>();
            for (int i = 1; i < members.size(); i++) {
                MultiLayerNetwork member = members.get(i);
                String name = StoreLayout.memberFileName(i + 1);
                further.add(new ModelMetadata.Artifact(name,
                        version.write(name, out -> ModelSerializer.writeModel(member, out, false))));
            }
            ModelMetadata metadata = draft.withVersion(version.id()).withFile(MODEL_FILE, modelSha256)
                    .withEnsembleMembers(further);
            byte[] onnx = OnnxArtifacts.exportOrNull(members);
            if (onnx != null) {
                String onnxSha256 = version.write(ONNX_FILE, out -> out.write(onnx));
                metadata = metadata.withOnnx(new ModelMetadata.Artifact(ONNX_FILE, onnxSha256))
                        .withOnnxParity(OnnxArtifacts.checkedParity(members, onnx, onnxSha256));
            }
            return metadata;
        });
    }

    public void setActive(String version) {
        active.activate(version);
    }

    public void requireRoomForVersion(long minFreeBytes) {
        writer.requireRoomForVersion(minFreeBytes);
    }

    public Optional<StoreLock> tryLock(String name, String owner, Duration staleAfter) {
        return locks.tryLock(name, owner, staleAfter);
    }

    public Optional<String> lockHolder(String name, Duration staleAfter) {
        return locks.holder(name, staleAfter);
    }

    public List<String> activationHistory() {
        return active.history();
    }

    public Optional<String> activeVersion() {
        return active.current();
    }

    public List<ModelMetadata> list() {
        return versions.list();
    }

    public ModelMetadata readMetadata(String version) {
        return versions.readMetadata(version);
    }

    public MultiLayerNetwork loadNetwork(String version) {
        return restore(version, versions.verifyModelFile(version));
    }

    public StoredNetworks loadNetworks(String version) {
        List<Path> files = versions.verifyNetworkFiles(version);
        List<MultiLayerNetwork> networks = new ArrayList<>();
        try {
            for (Path file : files) {
                networks.add(restore(version, file));
            }
            return new StoredNetworks(networks);
        } catch (RuntimeException e) {
            networks.forEach(MultiLayerNetwork::close);
            throw e;
        }
    }

    public List<Path> verifyNetworkFiles(String version) {
        return versions.verifyNetworkFiles(version);
    }

    private static MultiLayerNetwork restore(String version, Path modelFile) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(modelFile.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelException("cannot load version " + version, e);
        }
    }

    Path versionDirectory(String version) {
        return layout.versionDirectory(version);
    }

    ModelVersions versions() {
        return versions;
    }

    public void recordTestAsUploads(String version, EvaluationReport report) {
        records.recordTestAsUploads(version, report);
    }

    public void recordCalibration(String version, ModelMetadata.Calibration calibration,
                                  ModelMetadata.ValidationAccuracy validationAsUploads) {
        records.recordCalibration(version, calibration, validationAsUploads);
    }

    public void recordTrainingJob(String version, String jobId, Map<String, Object> request) {
        records.recordTrainingJob(version, jobId, request);
    }

    public void recordValidationAsUploads(String version, ModelMetadata.ValidationAccuracy validation) {
        records.recordValidationAsUploads(version, validation);
    }

    ModelMetadata updateMetadata(String version, UnaryOperator<ModelMetadata> change) {
        return records.update(version, change);
    }

    public boolean importVersion(Path sourceVersionDir) {
        return writer.importVersion(sourceVersionDir);
    }

    public void delete(String version) {
        versions.delete(version);
    }

    public void cleanTemporaryFiles() {
        writer.cleanTemporaryFiles();
    }
}
