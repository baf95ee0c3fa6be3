package com.example.garmentclassifier.model;

import static com.example.garmentclassifier.model.DurableFiles.deleteQuietly;
import static com.example.garmentclassifier.model.DurableFiles.fsync;
import static com.example.garmentclassifier.model.DurableFiles.move;
import static com.example.garmentclassifier.model.DurableFiles.sha256;

import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.InvalidModelException;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelStoreWriteException;
import com.example.garmentclassifier.store.ModelVersionNotFoundException;
import com.example.garmentclassifier.store.StoreOutput;
import com.example.garmentclassifier.store.StoreSpaceException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory of model versions:
 * <pre>
 * model-store/
 *   active-version          the active version id (replaced atomically)
 *   activations             every activation, oldest first (appended)
 *   training.lock           held by the instance that trains (instances sharing the store take turns)
 *   training.lock.clock     written to read the file system's time when a lock's age is judged
 *   jobs/{id}.json          training job records
 *   versions/{id}/model.zip DL4J model without updater state (the reference every engine is checked against)
 *   versions/{id}/model.onnx the same network for ONNX Runtime (written at training, or converted at first load)
 *   versions/{id}/metadata.json
 * </pre>
 * A version is written into a temporary directory and renamed into place, so a reader never
 * sees a half-written version; versions that fail their checksum are skipped.
 */
public class ModelStore {

    public static final String MODEL_FILE = "model.zip";
    public static final String METADATA_FILE = "metadata.json";
    public static final String ONNX_FILE = "model.onnx";
    private static final String ACTIVE_POINTER = "active-version";
    static final String TEMP_PREFIX = ".tmp-";
    /** Writes take seconds; a temporary file this old belongs to none in progress. */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);
    private static final Pattern VERSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final DateTimeFormatter VERSION_FORMAT =
            DateTimeFormatter.ofPattern("'v'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(ModelStore.class);

    private final Path root;
    private final JsonMapper json;
    private final StoreOutput output;
    private final ActivationHistory history;
    /** Size and modification time of model files whose checksum passed, so listing does not rehash them. */
    private final Map<Path, String> verified = new ConcurrentHashMap<>();

    public ModelStore(Path root, JsonMapper json) {
        this(root, json, StoreOutput.DISK);
    }

    /** @param output where a new version's files are written (tests substitute a failing disk) */
    public ModelStore(Path root, JsonMapper json, StoreOutput output) {
        this.root = root.toAbsolutePath().normalize();
        this.json = json;
        this.output = output;
        this.history = new ActivationHistory(this.root);
    }

    public Path root() {
        return root;
    }

    /**
     * Writes the network and its metadata as a new version; returns the metadata as stored.
     *
     * @throws ModelStoreWriteException when a file cannot be written; no part of the version remains
     */
    public ModelMetadata save(MultiLayerNetwork network, ModelMetadata draft) {
        return save(List.of(network), draft);
    }

    /**
     * Writes an ensemble (or, with one member, a single network) and its metadata as a new version:
     * the first member as {@value #MODEL_FILE}, the others as {@code model-2.zip}, {@code model-3.zip}, ...
     * and one ONNX graph averaging them all.
     *
     * @throws ModelStoreWriteException when a file cannot be written; no part of the version remains
     */
    public synchronized ModelMetadata save(List<MultiLayerNetwork> members, ModelMetadata draft) {
        Path versions = root.resolve("versions");
        Path temp = versions.resolve(TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            Path modelFile = temp.resolve(MODEL_FILE);
            write(modelFile, out -> ModelSerializer.writeModel(members.get(0), out, false));
            List<ModelMetadata.Artifact> further = new ArrayList<>();
            for (int i = 1; i < members.size(); i++) {
                MultiLayerNetwork member = members.get(i);
                String name = memberFileName(i + 1);
                write(temp.resolve(name), out -> ModelSerializer.writeModel(member, out, false));
                further.add(new ModelMetadata.Artifact(name, sha256(temp.resolve(name))));
            }
            String version = uniqueVersion(versions, VERSION_FORMAT.format(draft.createdAt()));
            ModelMetadata metadata = draft.withVersion(version).withFile(MODEL_FILE, sha256(modelFile))
                    .withEnsembleMembers(further);
            byte[] onnx = OnnxArtifacts.exportOrNull(members);
            if (onnx != null) {
                Path onnxFile = temp.resolve(ONNX_FILE);
                write(onnxFile, out -> out.write(onnx));
                String onnxSha256 = sha256(onnxFile);
                metadata = metadata.withOnnx(new ModelMetadata.Artifact(ONNX_FILE, onnxSha256))
                        .withOnnxParity(OnnxArtifacts.checkedParity(members, onnx, onnxSha256));
            }
            byte[] metadataJson = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata);
            write(temp.resolve(METADATA_FILE), out -> out.write(metadataJson));
            move(temp, versions.resolve(version));
            log.info("Stored model version {} (test accuracy {})", version, metadata.testAccuracy());
            return metadata;
        } catch (IOException e) {
            deleteQuietly(temp);
            log.error("Cannot write a model version under {}", versions, e);
            throw new ModelStoreWriteException("The model could not be written to the store (" + reason(e)
                    + "); nothing was stored", e);
        }
    }

    private interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes a file of a new version through {@link StoreOutput} and fsyncs it before the version is renamed in. */
    private void write(Path file, FileContent content) throws IOException {
        try (OutputStream out = output.open(file)) {
            content.writeTo(out);
        }
        fsync(file);
    }

    /** The cause without the file's path: the reason may reach an API response. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null && !e.getMessage().contains(File.separator) ? e.getMessage()
                : e.getClass().getSimpleName();
    }

    /** Makes {@code version} the one loaded at startup, by atomically replacing the pointer file. */
    public synchronized void setActive(String version) {
        requireVersionDirectory(version);
        Path pointer = root.resolve(ACTIVE_POINTER);
        Path temp = root.resolve(ACTIVE_POINTER + TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.writeString(temp, version + "\n", StandardCharsets.UTF_8);
            fsync(temp);
            move(temp, pointer);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("Cannot update " + pointer, e);
        }
        history.append(version);
    }

    /**
     * Checks, before hours of training, that a new version could be written: the store's version
     * directory accepts a file, and at least {@code minFreeBytes} are free on its file system.
     *
     * @throws StoreSpaceException saying what is wrong
     */
    public void requireRoomForVersion(long minFreeBytes) {
        Path versions = root.resolve("versions");
        try {
            Files.createDirectories(versions);
            Path probe = Files.createTempFile(versions, TEMP_PREFIX + "probe", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StoreSpaceException("The model store is not writable (" + e.getClass().getSimpleName()
                    + "); a trained model could not be saved");
        }
        try {
            long free = Files.getFileStore(versions).getUsableSpace();
            if (free < minFreeBytes) {
                throw new StoreSpaceException("The model store has " + free / (1024 * 1024) + " MB free; a training"
                        + " job needs at least " + minFreeBytes / (1024 * 1024) + " MB (classifier.training.min-free-space)");
            }
        } catch (IOException e) {
            throw new StoreSpaceException("The model store's free space cannot be read");
        }
    }

    /**
     * Takes the store-wide lock {@code name} (a file {@code name.lock} in the store's root), shared by
     * every instance that serves this store; see {@link StoreLock}.
     *
     * @return the lock, or empty while another instance holds it
     */
    public Optional<StoreLock> tryLock(String name, String owner, Duration staleAfter) {
        return StoreLock.tryAcquire(lockFile(name), owner, staleAfter);
    }

    /** Who holds the store-wide lock {@code name}, if anyone does. */
    public Optional<String> lockHolder(String name, Duration staleAfter) {
        return StoreLock.holder(lockFile(name), staleAfter);
    }

    private Path lockFile(String name) {
        if (!VERSION_ID.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a lock name: " + name);
        }
        return root.resolve(name + ".lock");
    }

    /** Versions that were active, most recent activation first (see {@link ActivationHistory}). */
    public List<String> activationHistory() {
        return history.newestFirst();
    }

    public Optional<String> activeVersion() {
        return activeVersionOf(root);
    }

    /** The active version a store directory names (this one or another, such as a seed), if any. */
    static Optional<String> activeVersionOf(Path root) {
        Path pointer = root.resolve(ACTIVE_POINTER);
        try {
            if (!Files.isRegularFile(pointer)) {
                return Optional.empty();
            }
            String version = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            return version.isEmpty() ? Optional.empty() : Optional.of(version);
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", pointer, e.getMessage());
            return Optional.empty();
        }
    }

    /** Metadata of every complete version, newest first; incomplete or unreadable ones are skipped with a warning. */
    public List<ModelMetadata> list() {
        Path versions = root.resolve("versions");
        List<ModelMetadata> result = new ArrayList<>();
        if (!Files.isDirectory(versions)) {
            return result;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(versions, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.startsWith(TEMP_PREFIX)) {
                    continue;
                }
                try {
                    ModelMetadata metadata = readMetadata(name);
                    verifyChecksumOnce(metadata);
                    result.add(metadata);
                } catch (InvalidModelException e) {
                    log.warn("Skipping model version {}: {}", name, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + versions, e);
        }
        result.sort(Comparator.comparing(ModelMetadata::createdAt).reversed());
        return result;
    }

    public ModelMetadata readMetadata(String version) {
        Path dir = requireVersionDirectory(version);
        Path metadataFile = dir.resolve(METADATA_FILE);
        if (!Files.isRegularFile(metadataFile) || !Files.isRegularFile(dir.resolve(MODEL_FILE))) {
            throw new InvalidModelException("version " + version + " is incomplete");
        }
        try {
            ModelMetadata metadata = json.readValue(metadataFile.toFile(), ModelMetadata.class);
            if (!version.equals(metadata.version()) || metadata.labels() == null || metadata.modelSha256() == null) {
                throw new InvalidModelException("metadata of version " + version + " is inconsistent");
            }
            return metadata;
        } catch (RuntimeException e) {
            if (e instanceof InvalidModelException invalid) {
                throw invalid;
            }
            throw new InvalidModelException("metadata of version " + version + " is unreadable", e);
        }
    }

    /**
     * The version's first (for a single-network version, only) DL4J network, after verifying the model
     * file's checksum; the caller closes it. Serving and evaluation use {@link #loadNetworks}.
     */
    public MultiLayerNetwork loadNetwork(String version) {
        ModelMetadata metadata = readMetadata(version);
        Path modelFile = verifyChecksum(metadata);
        return restore(version, modelFile);
    }

    /**
     * Every DL4J network of the version (one, or an ensemble's members), each file's checksum
     * verified first; the caller closes the result, and nothing stays open if one fails to load.
     */
    public StoredNetworks loadNetworks(String version) {
        List<Path> files = verifyNetworkFiles(version);
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

    /**
     * Verifies the checksum of every DL4J network file of the version without restoring any: a
     * version served in its ONNX form is still refused when one of its files was damaged.
     *
     * @return the files, the first network's first
     */
    public List<Path> verifyNetworkFiles(String version) {
        ModelMetadata metadata = readMetadata(version);
        List<Path> files = new ArrayList<>();
        files.add(verifyChecksum(metadata));
        Path dir = requireVersionDirectory(version);
        List<ModelMetadata.Artifact> networkFiles = metadata.networkFiles();
        for (ModelMetadata.Artifact member : networkFiles.subList(1, networkFiles.size())) {
            files.add(verifyMemberChecksum(version, dir, member));
        }
        return files;
    }

    private static MultiLayerNetwork restore(String version, Path modelFile) {
        try {
            return ModelSerializer.restoreMultiLayerNetwork(modelFile.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new InvalidModelException("cannot load version " + version, e);
        }
    }

    private static Path verifyMemberChecksum(String version, Path dir, ModelMetadata.Artifact member) {
        if (member.file() == null || member.sha256() == null || !member.file().equals(Path.of(member.file())
                .getFileName().toString()) || !member.file().endsWith(".zip")) {
            throw new InvalidModelException("metadata of version " + version + " names an invalid ensemble member");
        }
        return verified(version, dir.resolve(member.file()), member.sha256());
    }

    /** The file name of an ensemble's n-th member (1-based); the first is {@value #MODEL_FILE}. */
    static String memberFileName(int n) {
        return n == 1 ? MODEL_FILE : "model-" + n + ".zip";
    }

    /** The version's directory; the version id is checked so it cannot point outside the store. */
    Path versionDirectory(String version) {
        return requireVersionDirectory(version);
    }

    /** Records a version's test accuracy as uploads, measured after it was stored (see ModelMetadata#testAsUploads). */
    public void recordTestAsUploads(String version, EvaluationReport report) {
        updateMetadata(version, metadata -> metadata.withTestAsUploads(report));
    }

    /**
     * Records the temperature fitted for a stored version and the validation accuracy measured with it
     * (see ModelMetadata#calibration and #validationAsUploads).
     */
    public void recordCalibration(String version, ModelMetadata.Calibration calibration,
                                  ModelMetadata.ValidationAccuracy validationAsUploads) {
        updateMetadata(version, metadata -> metadata.withCalibration(calibration)
                .withValidationAsUploads(validationAsUploads));
    }

    /**
     * Names the retraining job that made a version, and its request as submitted, in the version's training
     * record ({@code training.hyperparameters.job}): which command to run to make it again.
     */
    public void recordTrainingJob(String version, String jobId, Map<String, Object> request) {
        updateMetadata(version, metadata -> {
            ModelMetadata.Training training = metadata.training();
            if (training == null) {
                return metadata;
            }
            Map<String, Object> hyperparameters = new LinkedHashMap<>(training.hyperparameters());
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("id", jobId);
            job.put("request", "POST /admin/retrain");
            job.put("body", request);
            hyperparameters.put("job", job);
            return metadata.withTraining(new ModelMetadata.Training(hyperparameters, training.seed(),
                    training.seconds(), training.trainExamples(), training.validationExamples(), training.bestEpoch(),
                    training.warmStartFrom(), training.epochs()));
        });
    }

    /** Records a version's validation accuracy as uploads, measured after it was stored (by the promotion gate). */
    public void recordValidationAsUploads(String version, ModelMetadata.ValidationAccuracy validation) {
        updateMetadata(version, metadata -> metadata.withValidationAsUploads(validation));
    }

    /**
     * Rewrites a stored version's metadata with one more thing measured about it (or an artifact added
     * to it). Synchronized, so that two threads recording different things cannot both read the old
     * file and the later write drop the other's; another process writing the same version's
     * metadata at the same moment still can (the figure is then measured again when next needed).
     */
    synchronized ModelMetadata updateMetadata(String version, java.util.function.UnaryOperator<ModelMetadata> change) {
        ModelMetadata metadata = change.apply(readMetadata(version));
        try {
            Path file = requireVersionDirectory(version).resolve(METADATA_FILE);
            DurableFiles.replace(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata), TEMP_PREFIX);
        } catch (IOException e) {
            throw new ModelStoreWriteException("The metadata of version " + version + " could not be written", e);
        }
        return metadata;
    }

    /** As {@link #verifyChecksum}, but a file unchanged since it last passed is not read again. */
    private void verifyChecksumOnce(ModelMetadata metadata) {
        Path modelFile = root.resolve("versions").resolve(metadata.version()).resolve(MODEL_FILE);
        String stamp;
        try {
            stamp = Files.size(modelFile) + "@" + Files.getLastModifiedTime(modelFile) + "/" + metadata.modelSha256();
        } catch (IOException e) {
            throw new InvalidModelException("cannot read the model file of version " + metadata.version(), e);
        }
        if (!stamp.equals(verified.get(modelFile))) {
            verifyChecksum(metadata);
            verified.put(modelFile, stamp);
        }
    }

    private Path verifyChecksum(ModelMetadata metadata) {
        return verified(metadata.version(),
                root.resolve("versions").resolve(metadata.version()).resolve(MODEL_FILE), metadata.modelSha256());
    }

    /** The file, once its SHA-256 is the one recorded for it. */
    private static Path verified(String version, Path file, String expectedSha256) {
        try {
            if (!sha256(file).equalsIgnoreCase(expectedSha256)) {
                throw new InvalidModelException("checksum mismatch for version " + version);
            }
            return file;
        } catch (IOException e) {
            throw new InvalidModelException("cannot read the model file of version " + version, e);
        }
    }

    /**
     * Copies a version directory of another store (a read-only seed) into this one, unless this
     * store has the version already; the copy appears complete or not at all. Its files are
     * verified like any other version's when it is loaded.
     *
     * @return whether it was copied
     */
    public synchronized boolean importVersion(Path sourceVersionDir) {
        String version = sourceVersionDir.getFileName().toString();
        if (!VERSION_ID.matcher(version).matches() || version.startsWith(TEMP_PREFIX)
                || !Files.isRegularFile(sourceVersionDir.resolve(METADATA_FILE))) {
            return false;
        }
        Path versions = root.resolve("versions");
        Path target = versions.resolve(version);
        if (Files.exists(target)) {
            return false;
        }
        Path temp = versions.resolve(TEMP_PREFIX + "import-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(sourceVersionDir, Files::isRegularFile)) {
                for (Path file : files) {
                    Path copy = temp.resolve(file.getFileName().toString());
                    Files.copy(file, copy);
                    fsync(copy);
                }
            }
            move(temp, target);
            return true;
        } catch (IOException e) {
            deleteQuietly(temp);
            if (Files.isDirectory(target)) {
                return false; // another instance sharing the store imported it at the same moment
            }
            throw new UncheckedIOException("Cannot import version " + version, e);
        }
    }

    /** Deletes a version directory. The caller makes sure it is not the active one. */
    public synchronized void delete(String version) {
        Path dir = requireVersionDirectory(version);
        Path trash = root.resolve("versions").resolve(TEMP_PREFIX + "deleted-" + UUID.randomUUID());
        try {
            // Rename first so a crash mid-delete never leaves a half-deleted version that looks complete.
            move(dir, trash);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete version " + version, e);
        }
        deleteQuietly(trash);
    }

    /**
     * Removes leftovers of interrupted writes. Only old ones: on a shared store, a fresh temporary
     * file may be another instance's write in progress.
     */
    public void cleanTemporaryFiles() {
        Path versions = root.resolve("versions");
        if (!Files.isDirectory(versions)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(versions)) {
            for (Path dir : dirs) {
                if (dir.getFileName().toString().startsWith(TEMP_PREFIX) && isLeftover(dir)) {
                    log.warn("Removing leftover of an interrupted write: {}", dir.getFileName());
                    deleteQuietly(dir);
                } else if (Files.isDirectory(dir)) {
                    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, TEMP_PREFIX + "*")) {
                        for (Path leftover : leftovers) {
                            if (isLeftover(leftover)) {
                                deleteQuietly(leftover);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            log.warn("Cannot clean {}: {}", versions, e.getMessage());
        }
    }

    private static boolean isLeftover(Path path) {
        try {
            return Files.getLastModifiedTime(path).toInstant().isBefore(Instant.now().minus(LEFTOVER_AGE));
        } catch (IOException e) {
            return false;
        }
    }

    private Path requireVersionDirectory(String version) {
        if (version == null || !VERSION_ID.matcher(version).matches() || version.startsWith(TEMP_PREFIX)) {
            throw new ModelVersionNotFoundException(String.valueOf(version));
        }
        Path dir = root.resolve("versions").resolve(version);
        if (!Files.isDirectory(dir)) {
            throw new ModelVersionNotFoundException(version);
        }
        return dir;
    }

    private static String uniqueVersion(Path versions, String base) {
        String candidate = base;
        for (int i = 2; Files.exists(versions.resolve(candidate)); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
    }
}
