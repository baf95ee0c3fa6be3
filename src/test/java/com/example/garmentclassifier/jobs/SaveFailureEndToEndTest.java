package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.model.FailingDisk;
import com.example.garmentclassifier.model.ModelStoreProperties;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.store.StoreOutput;
import com.example.garmentclassifier.web.HttpTestClient;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Faults around a retrain, through the admin API: many simultaneous requests start exactly one
 * job, and a disk that fills up while the trained model is saved fails that job with the reason,
 * leaves no partial version and keeps the previous model serving. Training runs in process here,
 * because the full disk is injected through the store's file seam ({@link FailingDisk}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "classifier.training.process=in-process")
@IntegrationTest
class SaveFailureEndToEndTest {

    private static final String PASSWORD = "save-failure-secret";
    private static final int SIMULTANEOUS = 8;

    /** Only the store's file seam is replaced: the writer, versions and locks are the application's own. */
    @TestConfiguration
    static class DiskFillsUpWhileSaving {
        @Bean
        @Primary
        StoreOutput fullDisk() {
            return new FailingDisk(StoreLayout.MODEL_FILE, 64 * 1024);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ModelStoreProperties store;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PrivateStoreProperties.register(registry, PASSWORD);
    }

    @Test
    void ofSimultaneousRetrainsOneRunsAndAFullDiskFailsItWithoutTouchingServing() throws Exception {
        HttpTestClient anonymous = new HttpTestClient(port);
        HttpTestClient admin = anonymous.withBasicAuth("admin", PASSWORD);
        String serving = anonymous.get("/models/current").json().get("version").asString();
        List<String> versionsBefore = anonymous.get("/models").json().findValuesAsString("version");

        List<Response> answers = retrainAtOnce(admin);
        List<Response> accepted = answers.stream().filter(r -> r.status() == 202).toList();
        assertThat(accepted).as("exactly one job starts").hasSize(1);
        String id = accepted.get(0).json().get("id").asString();
        assertThat(answers).filteredOn(r -> r.status() != 202).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.json().get("jobId").asString()).isEqualTo(id);
        });

        JsonNode job = JobEnd.await(admin, id, Duration.ofMinutes(3));
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("FAILED");
        String reason = job.get("failureReason").asString();
        assertThat(reason).contains("No space left on device").contains("serving model is unchanged")
                .doesNotContain(Path.of("").toAbsolutePath().toString()).doesNotContain("/tmp");

        assertThat(anonymous.get("/models/current").json().get("version").asString()).isEqualTo(serving);
        assertThat(anonymous.get("/models").json().findValuesAsString("version")).isEqualTo(versionsBefore);
        try (Stream<Path> versions = Files.list(store.modelStore().resolve("versions"))) {
            assertThat(versions.map(p -> p.getFileName().toString())).as("no partial version or temporary directory")
                    .containsExactlyInAnyOrderElementsOf(versionsBefore);
        }
        Response classified = anonymous.postBody("/classify", "image/png", TestImages.fixtureBytes("test-00001.png"));
        assertThat(classified.status()).isEqualTo(200);
        assertThat(classified.json().get("modelVersion").asString()).isEqualTo(serving);
    }

    private static List<Response> retrainAtOnce(HttpTestClient admin) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(SIMULTANEOUS);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < SIMULTANEOUS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return admin.postJson("/admin/retrain", "{\"epochs\": 1, \"trainLimit\": 200, \"promote\": \"always\"}");
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

}
