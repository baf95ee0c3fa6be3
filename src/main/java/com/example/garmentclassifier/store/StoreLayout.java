package com.example.garmentclassifier.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where everything lives in a model store; the one class that knows the folder layout:
 * <pre>
 * model-store/
 *   active-version           the active version id (replaced atomically)
 *   activations              every activation, oldest first (appended)
 *   seeded-active-version    the seed's active version when the store last took it (see ModelStoreSeeder)
 *   training.lock            held by the instance that trains (instances sharing the store take turns)
 *   training.lock.clock      written to read the file system's time when a lock's age is judged
 *   jobs/{id}.json           training job records
 *   jobs/training-child.log  the output of the last training child process
 *   versions/{id}/model.zip  DL4J model without updater state (the reference every engine is checked against)
 *   versions/{id}/model-2.zip, model-3.zip, ...  an ensemble's further members
 *   versions/{id}/model.onnx the same network for ONNX Runtime (written at training, or converted at first load)
 *   versions/{id}/metadata.json
 *   versions/.tmp-*          a version being written, imported or deleted
 * </pre>
 * Callers ask it for paths rather than resolve names themselves, and every version id and lock name
 * is checked here, so that none taken from a request can point outside the store.
 */
public final class StoreLayout {

    public static final String MODEL_FILE = "model.zip";
    public static final String METADATA_FILE = "metadata.json";
    public static final String ONNX_FILE = "model.onnx";
    /** Starts every file or directory still being written; no version id can start with it. */
    static final String TEMP_PREFIX = ".tmp-";
    private static final String VERSIONS = "versions";
    private static final String JOBS = "jobs";
    private static final String TRAINING_CHILD_LOG = "training-child.log";
    private static final String ACTIVE_POINTER = "active-version";
    private static final String ACTIVATIONS = "activations";
    private static final String SEEDED_ACTIVE = "seeded-active-version";
    /** Version ids and lock names: a plain file name, never "..", never hidden. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path root;

    public StoreLayout(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path versions() {
        return root.resolve(VERSIONS);
    }

    /** Training job records and the training child's log. */
    public Path jobs() {
        return root.resolve(JOBS);
    }

    /** What the training child process wrote, kept for the admin when it fails. */
    public Path trainingChildLog() {
        return jobs().resolve(TRAINING_CHILD_LOG);
    }

    Path activePointer() {
        return root.resolve(ACTIVE_POINTER);
    }

    Path activations() {
        return root.resolve(ACTIVATIONS);
    }

    Path seededActiveMarker() {
        return root.resolve(SEEDED_ACTIVE);
    }

    /**
     * The directory of an existing version.
     *
     * @throws ModelVersionNotFoundException when the id is not a version id, or no such version is stored
     */
    public Path versionDirectory(String version) {
        if (!isVersionId(version)) {
            throw new ModelVersionNotFoundException(String.valueOf(version));
        }
        Path dir = versions().resolve(version);
        if (!Files.isDirectory(dir)) {
            throw new ModelVersionNotFoundException(version);
        }
        return dir;
    }

    /** Whether a name can be a version's (and so its directory's): temporary directories never are. */
    static boolean isVersionId(String name) {
        return name != null && NAME.matcher(name).matches() && !isTemporary(name);
    }

    static boolean isTemporary(String fileName) {
        return fileName.startsWith(TEMP_PREFIX);
    }

    /** The file of the store-wide lock {@code name}, shared by every instance serving this store. */
    Path lockFile(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a lock name: " + name);
        }
        return root.resolve(name + ".lock");
    }

    /** The file name of an ensemble's n-th member (1-based); the first is {@value #MODEL_FILE}. */
    public static String memberFileName(int n) {
        return n == 1 ? MODEL_FILE : "model-" + n + ".zip";
    }

    /** Whether metadata names a member file that is a plain DL4J file name inside the version's directory. */
    static boolean isMemberFileName(String file) {
        return file != null && file.equals(Path.of(file).getFileName().toString()) && file.endsWith(".zip");
    }
}
