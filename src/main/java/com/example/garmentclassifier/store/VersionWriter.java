package com.example.garmentclassifier.store;

import static com.example.garmentclassifier.store.DurableFiles.deleteQuietly;
import static com.example.garmentclassifier.store.DurableFiles.fsync;
import static com.example.garmentclassifier.store.DurableFiles.move;
import static com.example.garmentclassifier.store.DurableFiles.sha256;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds versions to the store: a new one written by the trainer, or one copied from a seed. Each is
 * written into a temporary directory and renamed into place, so a reader never sees a half-written
 * version; the leftovers of writes that were interrupted are cleaned here too.
 */
public class VersionWriter {

    /** Writes take seconds; a temporary file this old belongs to none in progress. */
    private static final Duration LEFTOVER_AGE = Duration.ofMinutes(10);
    private static final DateTimeFormatter VERSION_FORMAT =
            DateTimeFormatter.ofPattern("'v'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(VersionWriter.class);

    private final StoreLayout layout;
    private final JsonMapper json;
    private final StoreOutput output;

    /** @param output where a new version's files are written (tests substitute a failing disk) */
    public VersionWriter(StoreLayout layout, JsonMapper json, StoreOutput output) {
        this.layout = layout;
        this.json = json;
        this.output = output;
    }

    /** What a caller writes into a new version; it returns the metadata, named with {@link NewVersion#id()}. */
    @FunctionalInterface
    public interface VersionContent {
        ModelMetadata writeFiles(NewVersion version) throws IOException;
    }

    @FunctionalInterface
    public interface FileContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A version being written: its id, and a directory no reader lists until the version is complete. */
    public final class NewVersion {

        private final String id;
        private final Path directory;

        private NewVersion(String id, Path directory) {
            this.id = id;
            this.directory = directory;
        }

        public String id() {
            return id;
        }

        /**
         * Writes one file through {@link StoreOutput} and fsyncs it before the version is renamed in.
         *
         * @return its SHA-256, read back from the disk, for the metadata
         */
        public String write(String fileName, FileContent content) throws IOException {
            Path file = directory.resolve(fileName);
            writeDurably(file, content);
            return sha256(file);
        }
    }

    private void writeDurably(Path file, FileContent content) throws IOException {
        try (OutputStream out = output.open(file)) {
            content.writeTo(out);
        }
        fsync(file);
    }

    /**
     * Writes a new version, named after its creation time (made unique), with the files {@code content}
     * writes and the metadata it returns; returns the metadata as stored.
     *
     * @throws ModelStoreWriteException when a file cannot be written; no part of the version remains
     */
    public synchronized ModelMetadata write(Instant createdAt, VersionContent content) {
        Path versions = layout.versions();
        Path temp = versions.resolve(StoreLayout.TEMP_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            NewVersion version = new NewVersion(uniqueVersion(versions, VERSION_FORMAT.format(createdAt)), temp);
            ModelMetadata metadata = content.writeFiles(version);
            byte[] metadataJson = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(metadata);
            writeDurably(temp.resolve(StoreLayout.METADATA_FILE), out -> out.write(metadataJson));
            move(temp, versions.resolve(version.id()));
            log.info("Stored model version {} (test accuracy {})", version.id(), metadata.testAccuracy());
            return metadata;
        } catch (IOException e) {
            deleteQuietly(temp);
            log.error("Cannot write a model version under {}", versions, e);
            throw new ModelStoreWriteException("The model could not be written to the store (" + reason(e)
                    + "); nothing was stored", e);
        }
    }

    /** The cause without the file's path: the reason may reach an API response. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null && !e.getMessage().contains(File.separator) ? e.getMessage()
                : e.getClass().getSimpleName();
    }

    private static String uniqueVersion(Path versions, String base) {
        String candidate = base;
        for (int i = 2; Files.exists(versions.resolve(candidate)); i++) {
            candidate = base + "-" + i;
        }
        return candidate;
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
        if (!StoreLayout.isVersionId(version) || !Files.isRegularFile(sourceVersionDir.resolve(StoreLayout.METADATA_FILE))) {
            return false;
        }
        Path versions = layout.versions();
        Path target = versions.resolve(version);
        if (Files.exists(target)) {
            return false;
        }
        Path temp = versions.resolve(StoreLayout.TEMP_PREFIX + "import-" + UUID.randomUUID());
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

    /**
     * Checks, before hours of training, that a new version could be written: the store's version
     * directory accepts a file, and at least {@code minFreeBytes} are free on its file system.
     *
     * @throws StoreSpaceException saying what is wrong
     */
    public void requireRoomForVersion(long minFreeBytes) {
        Path versions = layout.versions();
        try {
            Files.createDirectories(versions);
            Path probe = Files.createTempFile(versions, StoreLayout.TEMP_PREFIX + "probe", "");
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
     * Removes leftovers of interrupted writes (new versions, imports, deletions, replaced files). Only
     * old ones: on a shared store, a fresh temporary file may be another instance's write in progress.
     */
    public void cleanTemporaryFiles() {
        Path versions = layout.versions();
        if (!Files.isDirectory(versions)) {
            return;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(versions)) {
            for (Path dir : dirs) {
                if (StoreLayout.isTemporary(dir.getFileName().toString()) && isLeftover(dir)) {
                    log.warn("Removing leftover of an interrupted write: {}", dir.getFileName());
                    deleteQuietly(dir);
                } else if (Files.isDirectory(dir)) {
                    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, StoreLayout.TEMP_PREFIX + "*")) {
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
}
