package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The admin API over real HTTP, training for real on the committed mini data set, on a private
 * copy of the committed model store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class AdminEndToEndTest {

    private static final String PASSWORD = "test-admin-secret";
    /** A committed version besides the active one, to swap with. */
    private static final String PREVIOUS_COMMITTED = "v20261124-044801";

    @LocalServerPort
    int port;

    /** Actuator listens on a port of its own. */
    @LocalManagementPort
    int managementPort;

    private HttpTestClient anonymous;
    private HttpTestClient admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PrivateStoreProperties.register(registry, PASSWORD, List.of(PREVIOUS_COMMITTED));
    }

    @BeforeEach
    void setUp() {
        anonymous = new HttpTestClient(port);
        admin = anonymous.withBasicAuth("admin", PASSWORD);
        waitUntilNoJobIsActive();
    }

    @Test
    void adminAndActuatorEndpointsNeedCredentialsButServingDoesNot() {
        for (Response r : List.of(anonymous.get("/admin/jobs"), anonymous.postJson("/admin/retrain", "{}"),
                new HttpTestClient(managementPort).get("/actuator/metrics"), new HttpTestClient(managementPort).get("/actuator/prometheus"),
                anonymous.withBasicAuth("admin", "wrong").get("/admin/jobs"))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("title").asString()).isEqualTo("Authentication required");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        }
        assertThat(anonymous.withBasicAuth("ADMIN", PASSWORD).get("/admin/jobs").status())
                .as("the user name is case-sensitive").isEqualTo(401);
        assertThat(new HttpTestClient(managementPort).get("/actuator/health").status()).isEqualTo(200);
        assertThat(new HttpTestClient(managementPort).get("/actuator/info").status()).isEqualTo(200);
        assertThat(anonymous.get("/models").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.postBody("/classify", "image/png", TestImages.fixtureBytes("test-00000.png")).status())
                .isEqualTo(200);

        Response prometheus = new HttpTestClient(managementPort).withBasicAuth("admin", PASSWORD).get("/actuator/prometheus");
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body()).contains("classifier_model_accuracy").contains("classifier_training_jobs")
                .contains("classifier_model_swaps");
    }

    @Test
    void quickRetrainIsPromotedServesClassificationAndCanBeRolledBack() {
        String original = servingVersion();
        Response accepted = admin.postJson("/admin/retrain", "{\"epochs\": 1, \"trainLimit\": 200, \"promote\": \"always\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asString();
        assertThat(accepted.headers().firstValue("Location")).contains("/admin/jobs/" + id);
        assertThat(accepted.json().get("state").asString()).isIn("QUEUED", "RUNNING");

        JsonNode job = awaitEnd(id);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epochs").size()).isEqualTo(1);
        assertThat(job.get("progress").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(job.get("promotion").get("promoted").asBoolean()).isTrue();
        String trained = job.get("modelVersion").asString();

        JsonNode versions = anonymous.get("/models").json();
        assertThat(versions.findValuesAsString("version")).contains(trained, original);
        assertThat(servingVersion()).isEqualTo(trained);
        Response classified = anonymous.postBody("/classify", "image/png", TestImages.fixtureBytes("test-00002.png"));
        assertThat(classified.json().get("modelVersion").asString()).isEqualTo(trained);

        Response rollback = admin.postJson("/admin/models/" + original + "/activate", "");
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
        assertThat(servingVersion()).isEqualTo(original);
        assertThat(new HttpTestClient(managementPort).withBasicAuth("admin", PASSWORD).get("/actuator/health").json().get("components").get("model").get("details")
                .get("version").asString()).isEqualTo(original);

        assertThat(admin.delete("/admin/models/" + original).status()).isEqualTo(409);
        assertThat(admin.delete("/admin/models/" + trained).status()).isEqualTo(204);
        assertThat(anonymous.get("/models").json().findValuesAsString("version")).doesNotContain(trained);
        assertThat(admin.postJson("/admin/models/" + trained + "/activate", "").status()).isEqualTo(404);
    }

    @Test
    void gateRefusesAWorseModel() {
        String original = servingVersion();
        Response accepted = admin.postJson("/admin/retrain", "{\"epochs\": 1, \"trainLimit\": 100, \"seed\": 3}");
        JsonNode job = awaitEnd(accepted.json().get("id").asString());

        assertThat(job.get("state").asString()).isEqualTo("SUCCEEDED");
        JsonNode promotion = job.get("promotion");
        assertThat(promotion.get("policy").asString()).isEqualTo("if-better");
        assertThat(promotion.get("promoted").asBoolean()).isFalse();
        assertThat(promotion.get("activeVersion").asString()).isEqualTo(original);
        assertThat(promotion.get("candidateAccuracy").asDouble()).isLessThan(promotion.get("activeAccuracy").asDouble());
        assertThat(promotion.get("measuredOn").asString()).as("never the test set").startsWith("validation as uploads");
        assertThat(servingVersion()).isEqualTo(original);
        assertThat(anonymous.get("/models").json().findValuesAsString("version")).contains(job.get("modelVersion").asString());
    }

    @Test
    void secondJobConflictsAndARunningJobCanBeCancelled() {
        Response first = admin.postJson("/admin/retrain", "{\"epochs\": 50, \"trainLimit\": 1200, \"batchSize\": 8}");
        String id = first.json().get("id").asString();

        Response second = admin.postJson("/admin/retrain", "{}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("jobId").asString()).isEqualTo(id);

        awaitState(id, "RUNNING");
        Response cancel = admin.delete("/admin/jobs/" + id);
        assertThat(cancel.status()).isEqualTo(202);
        JsonNode job = awaitEnd(id);
        assertThat(job.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(admin.delete("/admin/jobs/" + id).status()).as("already ended").isEqualTo(409);
        assertThat(admin.get("/admin/jobs").json().get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void invalidRequestsNameTheField() {
        assertInvalid("{\"epochs\": 0}", "epochs");
        assertInvalid("{\"epochs\": 1000}", "epochs");
        assertInvalid("{\"learningRate\": -1}", "learningRate");
        assertInvalid("{\"epochs\": \"ten\"}", "epochs");
        assertInvalid("{\"promote\": \"sometimes\"}", "promote");
        assertInvalid("{\"epoch\": 3}", "epoch");
        assertInvalid("{not json", "JSON");
        assertThat(admin.get("/admin/jobs/job-none").status()).isEqualTo(404);
        assertThat(admin.postJson("/admin/models/v-none/activate", "").status()).isEqualTo(404);
    }

    @Test
    void swappingVersionsUnderLoadFailsNoRequest() throws Exception {
        String original = servingVersion();
        // Another committed version to swap with: training one would add a job's time and test nothing more here.
        String other = PREVIOUS_COMMITTED;
        assertThat(anonymous.get("/models").json().findValuesAsString("version")).contains(other);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger requests = new AtomicInteger();
        byte[] image = TestImages.fixtureBytes("test-00001.png");
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    Response r = anonymous.postBody("/classify", "image/png", image);
                    requests.incrementAndGet();
                    if (r.status() != 200) {
                        failures.add(r.status() + " " + r.body());
                    } else {
                        seen.add(r.json().get("modelVersion").asString());
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        for (int i = 0; i < 10; i++) {
            String version = i % 2 == 0 ? other : original;
            assertThat(admin.postJson("/admin/models/" + version + "/activate", "").status()).isEqualTo(200);
        }
        running.set(false);
        for (Thread client : clients) {
            client.join(30_000);
        }
        assertThat(failures).isEmpty();
        assertThat(requests.get()).isGreaterThan(10);
        assertThat(seen).isNotEmpty().isSubsetOf(original, other);
        assertThat(servingVersion()).isEqualTo(original);
    }

    private void assertInvalid(String body, String field) {
        Response r = admin.postJson("/admin/retrain", body);
        assertThat(r.status()).as(body).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).as(body).contains(field);
    }

    private String servingVersion() {
        return anonymous.get("/models/current").json().get("version").asString();
    }

    private JsonNode awaitEnd(String id) {
        return JobEnd.await(admin, id, Duration.ofMinutes(3));
    }

    private void awaitState(String id, String state) {
        await("job " + id + " to reach " + state).atMost(Duration.ofMinutes(1)).pollInterval(JobEnd.POLL)
                .until(() -> admin.get("/admin/jobs/" + id).json().get("state").asString(), state::equals);
    }

    private void waitUntilNoJobIsActive() {
        for (JsonNode job : admin.get("/admin/jobs").json()) {
            String state = job.get("state").asString();
            if (state.equals("QUEUED") || state.equals("RUNNING")) {
                awaitEnd(job.get("id").asString());
            }
        }
    }
}
