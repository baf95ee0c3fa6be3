package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Retraining runs in a child JVM (the default): the test sees the child among the service's own
 * processes, started with the JVM options configured for it, watches progress arrive from it, kills it, and finds the job FAILED with a reason while
 * the service goes on classifying; cancelling a job ends its child.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class TrainingChildProcessEndToEndTest {

    private static final String PASSWORD = "test-admin-secret";
    /** Long enough to be caught running: 50 epochs of 1,200 images in batches of 8. */
    private static final String LONG_JOB = "{\"epochs\": 50, \"trainLimit\": 1200, \"batchSize\": 8}";
    private static final Duration WAIT = Duration.ofMinutes(2);

    @LocalServerPort
    int port;

    /** Actuator listens on a port of its own. */
    @LocalManagementPort
    int managementPort;

    private HttpTestClient anonymous;
    private HttpTestClient admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PrivateStoreProperties.register(registry, PASSWORD);
        registry.add("classifier.training.child-heap", () -> "768m");
        registry.add("classifier.training.child-off-heap", () -> "1G");
        registry.add("classifier.training.child-physical-memory", () -> "3G");
        registry.add("classifier.training.child-jvm-options", () -> "-XX:TieredStopAtLevel=1,-XX:+UseSerialGC");
    }

    @BeforeEach
    void setUp() {
        anonymous = new HttpTestClient(port);
        admin = anonymous.withBasicAuth("admin", PASSWORD);
    }

    @Test
    void killingTheTrainingChildFailsOnlyTheJobAndServingGoesOn() {
        String id = admin.postJson("/admin/retrain", LONG_JOB).json().get("id").asString();
        ProcessHandle child = awaitTrainingChild();
        assertThat(child.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(child.info().commandLine().orElseThrow()).as("the child's JVM as configured")
                .contains("-Xmx768m", "-Dorg.bytedeco.javacpp.maxbytes=1G", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        await("progress reported by the child").atMost(WAIT).pollInterval(JobEnd.POLL)
                .until(() -> admin.get("/admin/jobs/" + id).json(),
                        job -> job.get("progress") != null && job.get("progress").get("batch").asInt() > 0);

        child.destroyForcibly();

        JsonNode job = awaitEnd(id);
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertThat(job.get("failureReason").asString()).contains("training process was killed");
        HttpTestClient.Response classified = anonymous.postBody("/classify", "image/png",
                TestImages.fixtureBytes("test-00000.png"));
        assertThat(classified.status()).isEqualTo(200);
        assertThat(new HttpTestClient(managementPort).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void cancellingAJobEndsItsChildProcess() {
        String id = admin.postJson("/admin/retrain", LONG_JOB).json().get("id").asString();
        ProcessHandle child = awaitTrainingChild();

        assertThat(admin.delete("/admin/jobs/" + id).status()).isEqualTo(202);

        assertThat(awaitEnd(id).get("state").asString()).isEqualTo("CANCELLED");
        await("the child to have ended").atMost(WAIT).until(() -> !child.isAlive());
    }

    private static ProcessHandle awaitTrainingChild() {
        return await("the training child process").atMost(WAIT)
                .until(TrainingChildProcessEndToEndTest::trainingChild, Optional::isPresent).orElseThrow();
    }

    private static Optional<ProcessHandle> trainingChild() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(ChildProcessTrainingRunner.CHILD_MARKER))
                .findFirst();
    }

    private JsonNode awaitEnd(String id) {
        return JobEnd.await(admin, id, WAIT);
    }
}
