package com.example.garmentclassifier.store;

import static com.example.garmentclassifier.store.DurableFiles.deleteQuietly;
import static com.example.garmentclassifier.store.DurableFiles.fsync;
import static com.example.garmentclassifier.store.DurableFiles.move;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version a store serves: the pointer file read at startup, and the history of every
 * activation that startup falls back along when the active version cannot be loaded.
 */
public class ActiveVersion {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersion.class);

    private final StoreLayout layout;
    private final ActivationHistory history;

    public ActiveVersion(StoreLayout layout) {
        this.layout = layout;
        this.history = new ActivationHistory(layout.activations());
    }

    public Optional<String> current() {
        return of(layout);
    }

    /** The active version a store directory names (this one or another, such as a seed), if any. */
    public static Optional<String> of(StoreLayout store) {
        Path pointer = store.activePointer();
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

    /**
     * Makes {@code version} the one loaded at startup, by atomically replacing the pointer file, and
     * appends it to the history. Synchronized so that two activations append in the order they took effect.
     *
     * @throws ModelVersionNotFoundException when the store has no such version
     */
    public synchronized void activate(String version) {
        layout.versionDirectory(version);
        Path pointer = layout.activePointer();
        Path temp = pointer.resolveSibling(pointer.getFileName() + StoreLayout.TEMP_PREFIX + UUID.randomUUID());
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

    /** Versions that were active, most recent activation first (see {@link ActivationHistory}). */
    public List<String> history() {
        return history.newestFirst();
    }
}
