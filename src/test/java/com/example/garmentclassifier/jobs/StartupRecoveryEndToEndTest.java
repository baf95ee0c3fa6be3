package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.model.ModelStoreCopy;
import com.example.garmentclassifier.web.HttpTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A store as a crash leaves it: a half-written version, a version whose model fails its
 * checksum (and which the pointer names), a leftover temporary directory and a job that was
 * RUNNING when the process died.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartupRecoveryEndToEndTest {

    private static final String PASSWORD = "recovery-secret";
    private static String goodVersion;

    @LocalServerPort
    int port;

    /** Actuator listens on a port of its own. */
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void crashedStore(DynamicPropertyRegistry registry) {
        try {
            Path store = ModelStoreCopy.ofCommitted();
            goodVersion = Files.readString(store.resolve("active-version")).trim();
            Path versions = store.resolve("versions");
            Path halfWritten = Files.createDirectories(versions.resolve("v20990101-000000"));
            Files.writeString(halfWritten.resolve("model.zip"), "PK partial");
            Path corrupt = Files.createDirectories(versions.resolve("v20990101-000001"));
            Path good = versions.resolve(goodVersion);
            Files.writeString(corrupt.resolve("metadata.json"), Files.readString(good.resolve("metadata.json"))
                    .replace(goodVersion, "v20990101-000001"));
            byte[] model = Files.readAllBytes(good.resolve("model.zip"));
            model[model.length / 3] ^= 0x11;
            Files.write(corrupt.resolve("model.zip"), model);
            Files.writeString(store.resolve("active-version"), "v20990101-000001\n");
            Files.createDirectories(versions.resolve(".tmp-crashed"));
            Path jobs = Files.createDirectories(store.resolve("jobs"));
            Files.writeString(jobs.resolve("job-20990101-000000-dead.json"), """
                    {"id": "job-20990101-000000-dead", "state": "RUNNING", "request": {"epochs": 3},
                     "createdAt": "2099-01-01T00:00:00Z", "startedAt": "2099-01-01T00:00:01Z",
                     "progress": {"epoch": 2, "epochs": 3, "batch": 10, "batchesPerEpoch": 100, "percent": 36.7},
                     "epochs": [], "cancelRequested": false}
                    """);
            registry.add("classifier.model-store", store::toString);
            registry.add("classifier.admin.password", () -> PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void brokenVersionsAreSkippedAndTheInterruptedJobIsFailed() {
        HttpTestClient http = new HttpTestClient(port);

        assertThat(http.get("/models/current").json().get("version").asString()).isEqualTo(goodVersion);
        assertThat(http.get("/models").json().findValuesAsString("version")).containsExactly(goodVersion);
        assertThat(new HttpTestClient(managementPort).withBasicAuth("admin", PASSWORD).get("/actuator/health").json().get("components").get("model")
                .get("status").asString())
                .isEqualTo("UP");

        JsonNode job = http.withBasicAuth("admin", PASSWORD).get("/admin/jobs/job-20990101-000000-dead").json();
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertThat(job.get("failureReason").asString()).startsWith("interrupted");
        assertThat(job.get("finishedAt").isNull()).isFalse();
    }
}
