package com.example.garmentclassifier.store;

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
 * seed had last time (recorded in {@link StoreLayout#seededActiveMarker()}). A newer image or a pulled commit
 * thus serves its new model, while a version an admin activated or trained since stays active.
 */
public class ModelStoreSeeder {

    private static final Logger log = LoggerFactory.getLogger(ModelStoreSeeder.class);

    private final StoreLayout layout;
    private final VersionWriter writer;
    private final ActiveVersion active;
    private final Path configuredSeed;

    /** @param configuredSeed {@code classifier.model-store-seed}: what {@link #seedConfigured()} seeds from; null = none */
    public ModelStoreSeeder(StoreLayout layout, VersionWriter writer, ActiveVersion active, Path configuredSeed) {
        this.layout = layout;
        this.writer = writer;
        this.active = active;
        this.configuredSeed = configuredSeed;
    }

    /**
     * Seeds from the configured seed, if there is one and it is not the store itself. A seed that
     * cannot be copied is logged, not thrown: like a broken model, it must not stop the service,
     * which serves what the store has.
     */
    public void seedConfigured() {
        if (configuredSeed == null
                || new StoreLayout(configuredSeed).root().equals(layout.root())) {
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
        StoreLayout seedLayout = new StoreLayout(seed);
        Path seedVersions = seedLayout.versions();
        List<String> copied = new ArrayList<>();
        if (!Files.isDirectory(seedVersions)) {
            log.warn("Model store seed {} has no versions; nothing to seed", seed);
            return copied;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(seedVersions, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (writer.importVersion(dir)) {
                    copied.add(dir.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model store seed " + seed, e);
        }
        ActiveVersion.of(seedLayout).ifPresent(this::followSeedActivation);
        if (!copied.isEmpty()) {
            log.info("Seeded model versions {} into {} (activate one with POST /admin/models/<version>/activate)",
                    copied, layout.root());
        }
        return copied;
    }

    private void followSeedActivation(String seedActive) {
        Optional<String> current = active.current();
        Optional<String> lastSeeded = readMarker();
        boolean following = current.isEmpty()
                || (lastSeeded.isPresent() && current.equals(lastSeeded) && !lastSeeded.get().equals(seedActive));
        if (following) {
            try {
                active.activate(seedActive);
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
        Path marker = layout.seededActiveMarker();
        try {
            return Files.isRegularFile(marker) ? Optional.of(Files.readString(marker).trim()).filter(v -> !v.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void writeMarker(String version) {
        Path marker = layout.seededActiveMarker();
        Path temp = marker.resolveSibling(marker.getFileName() + ".tmp");
        try {
            Files.writeString(temp, version + "\n");
            Files.move(temp, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Only costs following the seed's next activation; serving is unaffected.
            log.warn("Cannot record the seed's active version in {}: {}", marker, e.getMessage());
        }
    }
}
