package com.example.garmentclassifier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pointer to the version a store serves, and the history of activations startup falls back along. */
class ActiveVersionTest {

    @TempDir
    Path root;

    @Test
    void aStoredVersionCanBeActivated() {
        TestVersions store = TestVersions.at(root);
        ModelMetadata older = store.write(Instant.parse("2026-01-02T03:04:05Z"));
        ModelMetadata newer = store.write(Instant.parse("2026-01-03T03:04:05Z"));

        assertThat(store.active().current()).isEmpty();
        store.active().activate(older.version());
        assertThat(store.active().current()).contains(older.version());
        store.active().activate(newer.version());
        assertThat(store.active().current()).contains(newer.version());
        assertThat(ActiveVersion.of(new StoreLayout(root))).as("read by any instance over the same folder")
                .contains(newer.version());
        assertThat(store.active().history()).containsExactly(newer.version(), older.version());
    }

    @Test
    void unknownOrMaliciousVersionNamesCannotBeActivated() {
        TestVersions store = TestVersions.at(root);
        assertThatThrownBy(() -> store.active().activate("nope")).isInstanceOf(ModelVersionNotFoundException.class);
        assertThatThrownBy(() -> store.active().activate("../x")).isInstanceOf(ModelVersionNotFoundException.class);
        assertThat(store.active().current()).isEmpty();
        assertThat(store.active().history()).isEmpty();
    }
}
