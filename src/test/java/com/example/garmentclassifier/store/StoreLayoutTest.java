package com.example.garmentclassifier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The folder layout, and the checks that keep a version id or lock name taken from a request inside
 * the store: whatever a caller passes, no path it gets back points outside the store's folders.
 */
class StoreLayoutTest {

    @TempDir
    Path root;

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"../x", "..", ".", "../../etc", "a/b", "v1/../v2", ".tmp-x", ".tmp-deleted-1",
            ".hidden", "-v1", "v 1", "v1\\x", "/etc"})
    void idsThatAreNotVersionIdsAreRefused(String id) throws IOException {
        Files.createDirectories(root.resolve("versions/.tmp-x"));
        Files.createDirectories(root.resolve("outside"));
        StoreLayout layout = new StoreLayout(root);

        assertThat(StoreLayout.isVersionId(id)).isFalse();
        assertThatThrownBy(() -> layout.versionDirectory(id)).isInstanceOf(ModelVersionNotFoundException.class);
    }

    @Test
    void aVersionIdNamesItsDirectoryOnceItExists() throws IOException {
        StoreLayout layout = new StoreLayout(root);
        assertThat(StoreLayout.isVersionId("v20260102-030405")).isTrue();
        assertThat(StoreLayout.isVersionId("v20260102-030405-2")).isTrue();
        assertThat(StoreLayout.isVersionId("v" + "1".repeat(64))).as("longer than 64 characters").isFalse();
        assertThatThrownBy(() -> layout.versionDirectory("v20260102-030405"))
                .isInstanceOf(ModelVersionNotFoundException.class);

        Path dir = Files.createDirectories(root.resolve("versions/v20260102-030405"));
        assertThat(layout.versionDirectory("v20260102-030405")).isEqualTo(dir.toAbsolutePath().normalize());
    }

    @Test
    void lockNamesAreChecked() {
        StoreLayout layout = new StoreLayout(root);
        assertThat(layout.lockFile("training")).isEqualTo(layout.root().resolve("training.lock"));
        for (String name : new String[] {"", "../training", "..", ".hidden", "a/b", "/tmp/x", "x y"}) {
            assertThatThrownBy(() -> layout.lockFile(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyPathIsUnderTheNormalisedRoot() {
        StoreLayout layout = new StoreLayout(root.resolve("a/../store"));
        Path store = root.resolve("store").toAbsolutePath().normalize();
        assertThat(layout.root()).isEqualTo(store);
        assertThat(layout.versions()).isEqualTo(store.resolve("versions"));
        assertThat(layout.jobs()).isEqualTo(store.resolve("jobs"));
        assertThat(layout.trainingChildLog()).isEqualTo(store.resolve("jobs/training-child.log"));
        assertThat(layout.activePointer()).isEqualTo(store.resolve("active-version"));
        assertThat(layout.activations()).isEqualTo(store.resolve("activations"));
        assertThat(layout.seededActiveMarker()).isEqualTo(store.resolve("seeded-active-version"));
    }

    @Test
    void ensembleMemberFilesArePlainZipNamesInTheVersionsDirectory() {
        assertThat(StoreLayout.memberFileName(1)).isEqualTo(StoreLayout.MODEL_FILE);
        assertThat(StoreLayout.memberFileName(2)).isEqualTo("model-2.zip");
        assertThat(StoreLayout.isMemberFileName("model-2.zip")).isTrue();
        assertThat(StoreLayout.isMemberFileName("../model-2.zip")).isFalse();
        assertThat(StoreLayout.isMemberFileName("sub/model-2.zip")).isFalse();
        assertThat(StoreLayout.isMemberFileName(StoreLayout.ONNX_FILE)).isFalse();
        assertThat(StoreLayout.isMemberFileName(null)).isFalse();
    }
}
