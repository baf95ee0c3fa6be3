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

    private static java.util.List<String> committedVersions() throws IOException {
        try (Stream<Path> dirs = Files.list(COMMITTED.resolve("versions"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList();
        }
    }
}
