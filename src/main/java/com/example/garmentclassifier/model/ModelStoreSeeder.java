package com.example.garmentclassifier.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a writable model store from a read-only seed, such as the store baked into a container
 * image: versions the store lacks are copied in, existing ones are never touched, and the seed's
 * active version becomes the store's only when the store has none. A newer image thus adds its
 * models to a store that outlives it without hiding or replacing versions trained or activated
 * since; an admin activates the newly seeded version when wanted.
 */
public class ModelStoreSeeder {

    private static final Logger log = LoggerFactory.getLogger(ModelStoreSeeder.class);

    private final ModelStore store;

    public ModelStoreSeeder(ModelStore store) {
        this.store = store;
    }

    /** @return the versions copied in */
    public List<String> seedFrom(Path seed) {
        Path seedVersions = seed.resolve("versions");
        List<String> copied = new ArrayList<>();
        if (!Files.isDirectory(seedVersions)) {
            log.warn("Model store seed {} has no versions; nothing to seed", seed);
            return copied;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(seedVersions, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (store.importVersion(dir)) {
                    copied.add(dir.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model store seed " + seed, e);
        }
        if (store.activeVersion().isEmpty()) {
            ModelStore.activeVersionOf(seed).ifPresent(version -> {
                try {
                    store.setActive(version);
                    log.info("Model store had no active version; activated the seed's {}", version);
                } catch (ModelVersionNotFoundException e) {
                    log.error("The seed's active version {} is not a complete version; none activated", version);
                }
            });
        }
        if (!copied.isEmpty()) {
            log.info("Seeded model versions {} into {} (activate one with POST /admin/models/<version>/activate)",
                    copied, store.root());
        }
        return copied;
    }
}
