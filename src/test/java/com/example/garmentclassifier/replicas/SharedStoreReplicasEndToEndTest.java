package com.example.garmentclassifier.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.garmentclassifier.GarmentClassifierApplication;
import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.web.HttpTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service (two Spring contexts, each with its own web server) on one model
 * store, as replicas on a shared volume are: the store starts empty and is seeded from the
 * committed store, as the container image does; a version activated on one is served by the
 * other within seconds; of two training jobs started at once, exactly one runs; shutting an
 * instance down cancels its job and records why.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@IntegrationTest
class SharedStoreReplicasEndToEndTest {

    private static final String PASSWORD = "replica-secret";
    private static final String RETRAIN = "{\"epochs\": 1, \"trainLimit\": 2000, \"promote\": \"if-better\"}";

    private static Path store;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() throws IOException {
        store = Files.createTempDirectory("shared-store-");
        first = start();
        second = start();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(GarmentClassifierApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--classifier.model-store=" + store,
                "--classifier.model-store-seed=model-store",
                "--classifier.shared-store.poll-interval=200ms",
                "--classifier.admin.password=" + PASSWORD);
    }

    @AfterAll
    static void stop() {
        Stream.of(first, second).filter(c -> c != null && c.isActive()).forEach(ConfigurableApplicationContext::close);
        FileSystemUtils.deleteRecursively(store.toFile());
    }

    @Test
    @Order(1)
    void aVersionActivatedOnOneInstanceIsServedByTheOtherWithinSeconds() throws Exception {
        String committedActive = current(second);
        assertThat(current(first)).isEqualTo(committedActive);
        List<String> versions = http(first).get("/models").json().findValuesAsString("version");
        try (Stream<Path> committed = Files.list(Path.of("model-store", "versions"))) {
            assertThat(versions).as("every committed version seeded into the empty store")
                    .containsExactlyInAnyOrderElementsOf(committed.map(p -> p.getFileName().toString()).toList());
        }
        String other = versions.stream().filter(v -> !v.equals(committedActive)).findFirst().orElseThrow();

        assertThat(admin(first).postJson("/admin/models/" + other + "/activate", "").status()).isEqualTo(200);
        assertThat(current(first)).isEqualTo(other);
        Instant activated = Instant.now();
        // A generous bound, not a speed test: the time it took is printed (and reported in docs/operating.md).
        awaitTrue(Duration.ofSeconds(30), () -> other.equals(current(second)));
        System.out.println("The other instance served " + other + " after "
                + Duration.between(activated, Instant.now()).toMillis() + " ms");
        assertThat(readiness(second)).as("the swap keeps the instance ready").isEqualTo(200);

        admin(second).postJson("/admin/models/" + committedActive + "/activate", "");
        awaitTrue(Duration.ofSeconds(30), () -> committedActive.equals(current(first)));
    }

    @Test
    @Order(2)
    void ofTwoJobsStartedAtOnceOnTwoInstancesExactlyOneRuns() throws Exception {
        CompletableFuture<HttpTestClient.Response> onFirst =
                CompletableFuture.supplyAsync(() -> admin(first).postJson("/admin/retrain", RETRAIN));
        CompletableFuture<HttpTestClient.Response> onSecond =
                CompletableFuture.supplyAsync(() -> admin(second).postJson("/admin/retrain", RETRAIN));
        List<HttpTestClient.Response> answers = List.of(onFirst.get(), onSecond.get());

        assertThat(answers).extracting(HttpTestClient.Response::status).containsExactlyInAnyOrder(202, 409);
        HttpTestClient.Response refused = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("detail").asString()).contains("Another instance").contains("is training");
        ConfigurableApplicationContext winner = onFirst.get().status() == 202 ? first : second;
        ConfigurableApplicationContext loser = winner == first ? second : first;
        String jobId = answers.stream().filter(r -> r.status() == 202).findFirst().orElseThrow().json().get("id")
                .asString();
        assertThat(store.resolve("training.lock")).exists();

        assertThat(admin(loser).get("/admin/jobs/" + jobId).status()).as("the other instance sees the job").isEqualTo(200);
        assertThat(admin(loser).delete("/admin/jobs/" + jobId).status()).as("but cannot cancel it").isEqualTo(409);

        admin(winner).delete("/admin/jobs/" + jobId);
        awaitTrue(Duration.ofSeconds(60), () -> "CANCELLED".equals(jobState(winner, jobId)));
        awaitTrue(Duration.ofSeconds(5), () -> !Files.exists(store.resolve("training.lock")));
        assertThat(admin(winner).get("/admin/jobs/" + jobId).json().get("cancelReason").asString())
                .startsWith("requested by an admin");
    }

    @Test
    @Order(3)
    void shuttingDownCancelsTheRunningJobRecordsWhyAndFreesTheStoreForTheOther() throws Exception {
        HttpTestClient.Response started = admin(second).postJson("/admin/retrain", RETRAIN);
        assertThat(started.status()).isEqualTo(202);
        String jobId = started.json().get("id").asString();
        awaitTrue(Duration.ofSeconds(30), () -> "RUNNING".equals(jobState(second, jobId)));

        second.close();

        JsonNode record = JsonMapper.builder().build().readTree(store.resolve("jobs").resolve(jobId + ".json").toFile());
        assertThat(record.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(record.get("cancelReason").asString()).isEqualTo("the service shut down");
        assertThat(store.resolve("training.lock")).as("released on shutdown").doesNotExist();
        assertThat(admin(first).get("/admin/jobs/" + jobId).json().get("state").asString()).isEqualTo("CANCELLED");
        HttpTestClient.Response next = admin(first).postJson("/admin/retrain", RETRAIN);
        assertThat(next.status()).as("the remaining instance may train now").isEqualTo(202);
        admin(first).delete("/admin/jobs/" + next.json().get("id").asString());
        String nextId = next.json().get("id").asString();
        awaitTrue(Duration.ofSeconds(60), () -> "CANCELLED".equals(jobState(first, nextId)));
    }

    @Test
    @Order(4)
    void aJobLeftRunningByAnInstanceThatDiedIsShownFailedOnceNoInstanceHoldsTheLock() throws Exception {
        String id = "job-20990101-000000-gone";
        Files.writeString(store.resolve("jobs").resolve(id + ".json"), """
                {"id": "%s", "state": "RUNNING", "request": {"epochs": 3},
                 "createdAt": "2099-01-01T00:00:00Z", "startedAt": "2099-01-01T00:00:01Z",
                 "progress": {"epoch": 2, "epochs": 3, "batch": 10, "batchesPerEpoch": 100, "percent": 36.7},
                 "epochs": [], "cancelRequested": false}
                """.formatted(id));
        assertThat(store.resolve("training.lock")).doesNotExist();

        JsonNode job = admin(first).get("/admin/jobs/" + id).json();
        assertThat(job.get("state").asString()).isEqualTo("FAILED");
        assertThat(job.get("failureReason").asString()).startsWith("interrupted: the instance running it stopped");
        assertThat(admin(first).get("/admin/jobs").body()).doesNotContain("\"RUNNING\"");
    }

    private static String current(ConfigurableApplicationContext instance) {
        return http(instance).get("/models/current").json().get("version").asString();
    }

    private static String jobState(ConfigurableApplicationContext instance, String id) {
        return admin(instance).get("/admin/jobs/" + id).json().get("state").asString();
    }

    private static int readiness(ConfigurableApplicationContext instance) {
        int port = Integer.parseInt(instance.getEnvironment().getProperty("local.management.port"));
        return new HttpTestClient(port).get("/actuator/health/readiness").status();
    }

    private static HttpTestClient http(ConfigurableApplicationContext instance) {
        return new HttpTestClient(Integer.parseInt(instance.getEnvironment().getProperty("local.server.port")));
    }

    private static HttpTestClient admin(ConfigurableApplicationContext instance) {
        return http(instance).withBasicAuth("admin", PASSWORD);
    }

    private static void awaitTrue(Duration timeout, BooleanSupplier condition) {
        // Not Awaitility's 100 ms: most conditions ask the admin API, whose bcrypt check costs about 60 ms of CPU.
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(condition::getAsBoolean);
    }
}
