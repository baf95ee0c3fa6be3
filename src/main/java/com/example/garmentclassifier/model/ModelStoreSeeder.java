package com.example.garmentclassifier.model;

import com.example.garmentclassifier.store.ModelVersionNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a writable model store from a read-only seed: the store baked into a container image, or the
 * committed {@code model-store/} for a service run from a checkout. Versions the store lacks are
 * copied in and existing ones are never touched. The store follows the seed's active version while
 * nobody has chosen another: it takes it when it has none, and when it still serves the version the
 * seed had last time (recorded in {@code seeded-active-version}). A newer image or a pulled commit
 * thus serves its new model, while a version an admin activated or trained since stays active.
 */
public class ModelStoreSeeder {

    private static final Logger log = LoggerFactory.getLogger(ModelStoreSeeder.class);

    /** The seed's active version when the store last took it: while the store still serves it, it follows the seed. */
    static final String SEEDED_ACTIVE = "seeded-active-version";

    private final ModelStore store;
    private final Path configuredSeed;

    public ModelStoreSeeder(ModelStore store) {
        this(store, null);
    }

    /** @param configuredSeed {@code classifier.model-store-seed}: what {@link #seedConfigured()} seeds from; null = none */
    public ModelStoreSeeder(ModelStore store, Path configuredSeed) {
        this.store = store;
        this.configuredSeed = configuredSeed;
    }

    /**
     * Seeds from the configured seed, if there is one and it is not the store itself. A seed that
     * cannot be copied is logged, not thrown: like a broken model, it must not stop the service,
     * which serves what the store has.
     */
    public void seedConfigured() {
        if (configuredSeed == null
                || configuredSeed.toAbsolutePath().normalize().equals(store.root().toAbsolutePath().normalize())) {
            return;
        }
        try {
            seedFrom(configuredSeed);
        } catch (RuntimeException e) {
            log.error("Cannot seed the model store from {}: {}", configuredSeed, e.getMessage());
        }
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
        ModelStore.activeVersionOf(seed).ifPresent(this::followSeedActivation);
        if (!copied.isEmpty()) {
            log.info("Seeded model versions {} into {} (activate one with POST /admin/models/<version>/activate)",
                    copied, store.root());
        }
        return copied;
    }

    private void followSeedActivation(String seedActive) {
        Optional<String> current = store.activeVersion();
        Optional<String> lastSeeded = readMarker();
        boolean following = current.isEmpty()
                || (lastSeeded.isPresent() && current.equals(lastSeeded) && !lastSeeded.get().equals(seedActive));
        if (following) {
            try {
                store.setActive(seedActive);
                log.info("Activated the seed's active version {} (the store {})", seedActive,
                        current.map(v -> "served the seed's previous one, " + v).orElse("had none"));
            } catch (ModelVersionNotFoundException e) {
                log.error("The seed's active version {} is not a complete version; none activated", seedActive);
                return;
            }
        } else if (!current.get().equals(seedActive)) {
            log.info("Keeping active version {}, chosen since the store was seeded; the seed's is {}", current.get(),
                    seedActive);
            return;
        }
        writeMarker(seedActive);
    }

    private Optional<String> readMarker() {
        Path marker = store.root().resolve(SEEDED_ACTIVE);
        try {
            return Files.isRegularFile(marker) ? Optional.of(Files.readString(marker).trim()).filter(v -> !v.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeMarker(String version) {
        Path marker = store.root().resolve(SEEDED_ACTIVE);
        Path temp = store.root().resolve(SEEDED_ACTIVE + ".tmp");
        try {
            Files.writeString(temp, version + "\n");
            Files.move(temp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only costs following the seed's next activation; serving is unaffected.
            log.warn("Cannot record the seed's active version in {}: {}", marker, e.getMessage());
        }
    }
}
