package com.example.garmentclassifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.model.TestStore;
import com.example.garmentclassifier.model.StoredNetworks;
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path root;

    private static ModelStoreSeeder seeder(StoreLayout store) {
        return seeder(store, null);
    }

    private static ModelStoreSeeder seeder(StoreLayout store, Path configuredSeed) {
        return new ModelStoreSeeder(store, new VersionWriter(store, JSON, StoreOutput.DISK), new ActiveVersion(store),
                configuredSeed);
    }

    @Test
    void anEmptyStoreGetsEveryVersionAndTheSeedsActiveOne() throws IOException {
        StoreLayout store = new StoreLayout(root);
        var copied = seeder(store).seedFrom(COMMITTED);

        assertThat(copied).containsExactlyInAnyOrderElementsOf(committedVersions());
        String active = Files.readString(COMMITTED.resolve("active-version")).trim();
        assertThat(new ActiveVersion(store).current()).contains(active);
        assertThat(new ModelVersions(store, JSON).list()).hasSize(copied.size());
        try (StoredNetworks networks = TestStore.at(root).archive().loadNetworks(active)) {
            assertThat(networks.members()).isNotEmpty();
        }
    }

    @Test
    void aStoreInUseKeepsItsActiveVersionAndGetsOnlyTheMissingVersions() throws IOException {
        FileSystemUtils.copyRecursively(COMMITTED, root);
        String older = committedVersions().stream().sorted().findFirst().orElseThrow();
        String newer = committedVersions().stream().sorted().reduce((a, b) -> b).orElseThrow();
        StoreLayout store = new StoreLayout(root);
        new ActiveVersion(store).activate(older);
        FileSystemUtils.deleteRecursively(root.resolve("versions").resolve(newer));
        Path retrained = root.resolve("versions").resolve(older).resolve("metadata.json");
        long before = Files.getLastModifiedTime(retrained).toMillis();

        var copied = seeder(store).seedFrom(COMMITTED);

        assertThat(copied).containsExactly(newer);
        assertThat(new ActiveVersion(store).current()).as("an activation made since is not undone").contains(older);
        assertThat(Files.getLastModifiedTime(retrained).toMillis()).as("existing versions untouched").isEqualTo(before);
        assertThat(seeder(store).seedFrom(COMMITTED)).as("seeding twice copies nothing").isEmpty();
    }

    @Test
    void aStoreFollowsTheSeedsNewActiveVersionWhileNobodyChoseAnother(@TempDir Path seed) throws IOException {
        seedOf(seed, OLD, OLDER);
        StoreLayout store = new StoreLayout(root);
        seeder(store).seedFrom(seed);
        assertThat(new ActiveVersion(store).current()).contains(OLD);

        Files.writeString(seed.resolve("active-version"), OLDER + "\n"); // a pulled commit, a newer image
        seeder(store).seedFrom(seed);

        assertThat(new ActiveVersion(store).current()).as("the store served the seed's previous choice").contains(OLDER);
    }

    @Test
    void anActivationMadeSinceOutlastsTheSeedsNewChoice(@TempDir Path seed) throws IOException {
        seedOf(seed, OLD, OLDER);
        StoreLayout store = new StoreLayout(root);
        seeder(store).seedFrom(seed);
        FileSystemUtils.copyRecursively(COMMITTED.resolve("versions").resolve(ACTIVE),
                root.resolve("versions").resolve(ACTIVE));
        new ActiveVersion(store).activate(ACTIVE); // an admin's choice (or a version trained since)

        Files.writeString(seed.resolve("active-version"), OLDER + "\n");
        seeder(store).seedFrom(seed);

        assertThat(new ActiveVersion(store).current()).contains(ACTIVE);
    }

    @Test
    void aStoreIsNotItsOwnSeed() {
        StoreLayout store = new StoreLayout(COMMITTED);
        seeder(store, Path.of("./model-store")).seedConfigured();

        assertThat(store.seededActiveMarker()).as("nothing written into the seed").doesNotExist();
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
