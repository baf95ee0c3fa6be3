package com.example.garmentclassifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New versions named after their creation time and made unique, and the leftovers of interrupted
 * writes cleaned; a disk that fails part-way is tested with real networks in NetworkArchiveTest and
 * SaveFailureEndToEndTest.
 */
class VersionWriterTest {

    @TempDir
    Path root;

    @Test
    void versionsSavedInTheSameSecondGetDistinctIds() {
        TestVersions store = TestVersions.at(root);
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        ModelMetadata first = store.write(t);
        assertThat(first.version()).isEqualTo("v20260102-030405");
        assertThat(store.write(t).version()).isNotEqualTo(first.version());
        assertThat(store.versions().list()).hasSize(2);
    }

    @Test
    void oldLeftoversOfInterruptedWritesAreCleanedAndFreshOnesKept() throws IOException {
        TestVersions store = TestVersions.at(root);
        ModelMetadata good = store.write(Instant.now());
        Path interrupted = Files.createDirectories(root.resolve("versions/.tmp-interrupted"));
        Files.setLastModifiedTime(interrupted, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path inProgress = Files.createDirectories(root.resolve("versions/.tmp-another-instance-writing"));

        store.writer().cleanTemporaryFiles();

        assertThat(interrupted).doesNotExist();
        assertThat(inProgress).as("on a shared store a fresh one may be another instance's write").exists();
        assertThat(store.versions().list()).extracting(ModelMetadata::version).containsExactly(good.version());
    }
}
