package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/** The committed store as the seed, as in the container image. */
class ModelStoreSeederTest {

    private static final Path COMMITTED = Path.of("model-store");
    private static final String OLD = "v20261124-044801";
    private static final String OLDER = "v20261124-035657";
    private static final String ACTIVE = "v20261202-081648";

    @TempDir
    Path root;

    @Test
    void anEmptyStoreGetsEveryVersionAndTheSeedsActiveOne() throws IOException {
        ModelStore store = new ModelStore(root, JsonMapper.builder().build());
        var copied = new ModelStoreSeeder(store).seedFrom(COMMITTED);

        assertThat(copied).containsExactlyInAnyOrderElementsOf(committedVersions());
        assertThat(store.activeVersion()).contains(Files.readString(COMMITTED.resolve("active-version")).trim());
        assertThat(store.list()).hasSize(copied.size());
        try (StoredNetworks networks = store.loadNetworks(store.activeVersion().orElseThrow())) {
            assertThat(networks.members()).isNotEmpty();
        }
    }

    @Test
    void aStoreInUseKeepsItsActiveVersionAndGetsOnlyTheMissingVersions() throws IOException {
        FileSystemUtils.copyRecursively(COMMITTED, root);
        String older = committedVersions().stream().sorted().findFirst().orElseThrow();
        String newer = committedVersions().stream().sorted().reduce((a, b) -> b).orElseThrow();
        ModelStore store = new ModelStore(root, JsonMapper.builder().build());
        store.setActive(older);
        FileSystemUtils.deleteRecursively(root.resolve("versions").resolve(newer));
        Path retrained = root.resolve("versions").resolve(older).resolve("metadata.json");
        long before = Files.getLastModifiedTime(retrained).toMillis();

        var copied = new ModelStoreSeeder(store).seedFrom(COMMITTED);

        assertThat(copied).containsExactly(newer);
        assertThat(store.activeVersion()).as("an activation made since is not undone").contains(older);
        assertThat(Files.getLastModifiedTime(retrained).toMillis()).as("existing versions untouched").isEqualTo(before);
        assertThat(new ModelStoreSeeder(store).seedFrom(COMMITTED)).as("seeding twice copies nothing").isEmpty();
    }

    @Test
    void aStoreFollowsTheSeedsNewActiveVersionWhileNobodyChoseAnother(@TempDir Path seed) throws IOException {
        seedOf(seed, OLD, OLDER);
        ModelStore store = new ModelStore(root, JsonMapper.builder().build());
        new ModelStoreSeeder(store).seedFrom(seed);
        assertThat(store.activeVersion()).contains(OLD);

        Files.writeString(seed.resolve("active-version"), OLDER + "\n"); // a pulled commit, a newer image
        new ModelStoreSeeder(store).seedFrom(seed);

        assertThat(store.activeVersion()).as("the store served the seed's previous choice").contains(OLDER);
    }

    @Test
    void anActivationMadeSinceOutlastsTheSeedsNewChoice(@TempDir Path seed) throws IOException {
        seedOf(seed, OLD, OLDER);
        ModelStore store = new ModelStore(root, JsonMapper.builder().build());
        new ModelStoreSeeder(store).seedFrom(seed);
        FileSystemUtils.copyRecursively(COMMITTED.resolve("versions").resolve(ACTIVE),
                root.resolve("versions").resolve(ACTIVE));
        store.setActive(ACTIVE); // an admin's choice (or a version trained since)

        Files.writeString(seed.resolve("active-version"), OLDER + "\n");
        new ModelStoreSeeder(store).seedFrom(seed);

        assertThat(store.activeVersion()).contains(ACTIVE);
    }

    @Test
    void aStoreIsNotItsOwnSeed() {
        ModelStore store = new ModelStore(COMMITTED, JsonMapper.builder().build());
        new ModelStoreSeeder(store, Path.of("./model-store")).seedConfigured();

        assertThat(COMMITTED.resolve(ModelStoreSeeder.SEEDED_ACTIVE)).as("nothing written into the seed").doesNotExist();
    }

    /** A seed holding two of the committed versions, {@code active} active. */
    private static void seedOf(Path seed, String active, String other) throws IOException {
        for (String version : java.util.List.of(active, other)) {
            FileSystemUtils.copyRecursively(COMMITTED.resolve("versions").resolve(version),
                    seed.resolve("versions").resolve(version));
        }
        Files.writeString(seed.resolve("active-version"), active + "\n");
    }

    private static java.util.List<String> committedVersions() throws IOException {
        try (Stream<Path> dirs = Files.list(COMMITTED.resolve("versions"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
        }
    }
}
