package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.inference.InferenceProperties;
import com.example.garmentclassifier.inference.InferenceProperties.Engine;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the active version is broken, startup serves the version that was active before it, not a
 * newer candidate that was only stored (e.g. rejected by the promotion gate), and says so.
 */
class StartupFallbackTest {

    private static final String OLDER = "v20261124-035657";
    private static final String REJECTED = "v20261124-044801";
    private static final String BROKEN = "v20990101-000001";

    @TempDir
    Path root;

    @Test
    void aBrokenActiveVersionFallsBackAlongTheActivationHistoryAndHealthSaysSo() throws IOException {
        copyVersion(OLDER, OLDER);
        copyVersion(REJECTED, REJECTED);
        copyVersion(REJECTED, BROKEN);
        Path brokenModel = root.resolve("versions").resolve(BROKEN).resolve("model.zip");
        byte[] bytes = Files.readAllBytes(brokenModel);
        bytes[bytes.length / 3] ^= 0x11;
        Files.write(brokenModel, bytes);
        TestStore store = TestStore.at(root);
        store.active().activate(OLDER);
        store.active().activate(BROKEN);
        // REJECTED is the newest loadable version, but it was never active.

        ModelHolder holder = new ModelHolder();
        ModelActivationService activation = new ModelActivationService(store.versions(), store.active(),
                store.layout(), store.loader(new InferenceProperties(Engine.AUTO, 1, false, false)), holder,
                new SimpleMeterRegistry());

        assertThat(activation.activateAtStartup()).isTrue();
        assertThat(holder.current().orElseThrow().version()).isEqualTo(OLDER);
        assertThat(holder.fallbackReason()).get().asString()
                .contains("active version " + BROKEN + " cannot be loaded")
                .contains("serving " + OLDER + ", the most recently active version that loads");
        assertThat(new ModelHealthIndicator(holder).health().getDetails().get("fallback").toString())
                .contains(BROKEN);
        assertThat(store.active().current()).as("the pointer is left for an operator to fix").contains(BROKEN);
    }

    private void copyVersion(String from, String as) throws IOException {
        Path source = Path.of("model-store", "versions", from);
        Path target = Files.createDirectories(root.resolve("versions").resolve(as));
        for (String file : new String[] {"model.zip", "metadata.json"}) {
            String name = file;
            if (name.equals("metadata.json")) {
                Files.writeString(target.resolve(name), Files.readString(source.resolve(name)).replace(from, as));
            } else {
                Files.copy(source.resolve(name), target.resolve(name));
            }
        }
    }
}
