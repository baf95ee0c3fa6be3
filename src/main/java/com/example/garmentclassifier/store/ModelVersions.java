package com.example.garmentclassifier.store;

import static com.example.garmentclassifier.store.DurableFiles.deleteQuietly;
import static com.example.garmentclassifier.store.DurableFiles.move;
import static com.example.garmentclassifier.store.DurableFiles.sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored versions as files: listed, their metadata read, every file checked against the SHA-256
 * its metadata records before anyone uses it, and deleted. Knows nothing of what the files hold;
 * new versions come in through {@link VersionWriter}.
 */
public class ModelVersions {

    private static final Logger log = LoggerFactory.getLogger(ModelVersions.class);

    private final StoreLayout layout;
    private final JsonMapper json;
    /** Size and modification time of model files whose checksum passed, so listing does not rehash them. */
    private final Map<Path, String> verified = new ConcurrentHashMap<>();

    public ModelVersions(StoreLayout layout, JsonMapper json) {
        this.layout = layout;
        this.json = json;
    }

    /** Metadata of every complete version, newest first; incomplete or unreadable ones are skipped with a warning. */
    public List<ModelMetadata> list() {
        Path versions = layout.versions();
        List<ModelMetadata> result = new ArrayList<>();
        if (!Files.isDirectory(versions)) {
            return result;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(versions, Files::isDirectory)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (StoreLayout.isTemporary(name)) {
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
        Path dir = layout.versionDirectory(version);
        Path metadataFile = dir.resolve(StoreLayout.METADATA_FILE);
        if (!Files.isRegularFile(metadataFile) || !Files.isRegularFile(dir.resolve(StoreLayout.MODEL_FILE))) {
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
     * The version's model file (for an ensemble, its first member's), once its checksum passes.
     *
     * @throws InvalidModelException when it is missing, unreadable or fails its checksum
     */
    public Path verifyModelFile(String version) {
        return verifyChecksum(readMetadata(version));
    }

    /**
     * Verifies the checksum of every network file of the version (its model file, then any further
     * ensemble members): a version served in its ONNX form is still refused when one of them was damaged.
     *
     * @return the files, the first network's first
     * @throws InvalidModelException when one is missing, unreadable or fails its checksum
     */
    public List<Path> verifyNetworkFiles(String version) {
        ModelMetadata metadata = readMetadata(version);
        List<Path> files = new ArrayList<>();
        files.add(verifyChecksum(metadata));
        Path dir = layout.versionDirectory(version);
        List<ModelMetadata.Artifact> networkFiles = metadata.networkFiles();
        for (ModelMetadata.Artifact member : networkFiles.subList(1, networkFiles.size())) {
            if (member.sha256() == null || !StoreLayout.isMemberFileName(member.file())) {
                throw new InvalidModelException("metadata of version " + version + " names an invalid ensemble member");
            }
            files.add(verified(version, dir.resolve(member.file()), member.sha256()));
        }
        return files;
    }

    /**
     * A further file of the version, such as its ONNX form, if it exists and its SHA-256 is the one its
     * metadata records; empty when it is missing or fails the check.
     *
     * @throws IOException when it exists but cannot be read
     */
    public Optional<Path> intactFile(String version, ModelMetadata.Artifact artifact) throws IOException {
        Path file = layout.versionDirectory(version).resolve(artifact.file());
        return Files.isRegularFile(file) && sha256(file).equalsIgnoreCase(artifact.sha256()) ? Optional.of(file)
                : Optional.empty();
    }

    /**
     * Writes (or replaces) a further file of an existing version, atomically.
     *
     * @return the file's SHA-256, for the metadata that names it
     */
    public String replaceFile(String version, String fileName, byte[] content) throws IOException {
        Path file = layout.versionDirectory(version).resolve(fileName);
        DurableFiles.replace(file, content, StoreLayout.TEMP_PREFIX);
        return sha256(file);
    }

    /** Deletes a version directory. The caller makes sure it is not the active one. */
    public synchronized void delete(String version) {
        Path dir = layout.versionDirectory(version);
        Path trash = layout.versions().resolve(StoreLayout.TEMP_PREFIX + "deleted-" + UUID.randomUUID());
        try {
            // Rename first so a crash mid-delete never leaves a half-deleted version that looks complete.
            move(dir, trash);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete version " + version, e);
        }
        deleteQuietly(trash);
    }

    /** As {@link #verifyChecksum}, but a file unchanged since it last passed is not read again. */
    private void verifyChecksumOnce(ModelMetadata metadata) {
        Path modelFile = modelFile(metadata);
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
        return verified(metadata.version(), modelFile(metadata), metadata.modelSha256());
    }

    private Path modelFile(ModelMetadata metadata) {
        return layout.versions().resolve(metadata.version()).resolve(StoreLayout.MODEL_FILE);
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
}
