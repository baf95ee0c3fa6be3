package com.example.garmentclassifier.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is learnt about a version after it was stored, written into its metadata. */
class MetadataRecordsTest {

    @TempDir
    Path root;

    /**
     * Two threads record different things about one version at once: the first is held between reading
     * the metadata and writing it until the second has finished (or half a second has passed, which is
     * what happens when the second has to wait its turn). Both must be in the file afterwards; had the
     * second read the metadata before the first wrote it, the first's write would drop its figure.
     */
    @Test
    void concurrentRecordsOfOneVersionAreBothKept() throws Exception {
        TestVersions store = TestVersions.at(root);
        String version = store.write(Instant.now()).version();
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Thread first = new Thread(() -> store.records().update(version, metadata -> {
            firstInside.countDown();
            try {
                secondDone.await(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return metadata.withOnnx(new ModelMetadata.Artifact("model.onnx", "a".repeat(64)));
        }));
        first.start();
        firstInside.await();
        Thread second = new Thread(() -> {
            store.records().recordValidationAsUploads(version, new ModelMetadata.ValidationAccuracy(0.9, "validation"));
            secondDone.countDown();
        });
        second.start();
        first.join();
        second.join();

        ModelMetadata stored = store.versions().readMetadata(version);
        assertThat(stored.onnx()).isNotNull();
        assertThat(stored.validationAsUploads()).isEqualTo(new ModelMetadata.ValidationAccuracy(0.9, "validation"));
    }
}
