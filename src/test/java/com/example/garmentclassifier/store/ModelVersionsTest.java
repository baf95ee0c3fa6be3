package com.example.garmentclassifier.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Stored versions listed, their metadata read, their files checked, and deleted. */
class ModelVersionsTest {

    @TempDir
    Path root;

    @Test
    void metadataWrittenByANewerReleaseStaysReadable() throws IOException {
        // As the service is configured: request bodies with unknown fields are refused, stored metadata is not.
        JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        TestVersions store = TestVersions.at(root, strict);
        ModelMetadata saved = store.write(Instant.now());
        Path file = root.resolve("versions").resolve(saved.version()).resolve("metadata.json");
        String newer = Files.readString(file).replaceFirst("\\{", "{\"recordedByANewerRelease\": {\"x\": 1},")
                .replace("\"examples\"", "\"balancedAccuracy\": 0.5, \"examples\"");
        Files.writeString(file, newer);

        assertThat(newer).contains("balancedAccuracy");
        assertThat(store.versions().readMetadata(saved.version()).test().accuracy()).isEqualTo(saved.test().accuracy());
        assertThat(store.versions().list()).extracting(ModelMetadata::version).contains(saved.version());
    }

    @Test
    void tamperedModelFileFailsItsChecksum() throws IOException {
        TestVersions store = TestVersions.at(root);
        ModelMetadata saved = store.write(Instant.now());
        Path file = root.resolve("versions").resolve(saved.version()).resolve(StoreLayout.MODEL_FILE);
        // Written a minute ago, as a network's file is by the time it is listed: a stand-in written and changed
        // within one tick of the file system's clock would keep its time stamp, which no real change does.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
        assertThat(store.versions().list()).extracting(ModelMetadata::version).containsExactly(saved.version());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);

        assertThatThrownBy(() -> store.versions().verifyModelFile(saved.version()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("checksum");
        assertThat(store.versions().list()).as("a file changed since it was last listed is checked again").isEmpty();
    }

    @Test
    void halfWrittenAndTemporaryDirectoriesAreSkipped() throws IOException {
        TestVersions store = TestVersions.at(root);
        ModelMetadata good = store.write(Instant.now());
        Files.createDirectories(root.resolve("versions/v20250101-000000"));
        Files.writeString(root.resolve("versions/v20250101-000000/model.zip"), "partial");
        Files.createDirectories(root.resolve("versions/.tmp-interrupted"));

        assertThat(store.versions().list()).extracting(ModelMetadata::version).containsExactly(good.version());
    }

    @Test
    void unknownOrMaliciousVersionNamesAreNotFound() {
        TestVersions store = TestVersions.at(root);
        assertThatThrownBy(() -> store.versions().readMetadata("v-none"))
                .isInstanceOf(ModelVersionNotFoundException.class);
        assertThatThrownBy(() -> store.versions().verifyNetworkFiles("../../etc"))
                .isInstanceOf(ModelVersionNotFoundException.class);
        assertThatThrownBy(() -> store.versions().delete("../versions"))
                .isInstanceOf(ModelVersionNotFoundException.class);
    }

    @Test
    void deletedVersionIsGone() {
        TestVersions store = TestVersions.at(root);
        ModelMetadata saved = store.write(Instant.now());
        store.versions().delete(saved.version());
        assertThat(store.versions().list()).isEmpty();
        assertThat(root.resolve("versions").resolve(saved.version())).doesNotExist();
    }
}
