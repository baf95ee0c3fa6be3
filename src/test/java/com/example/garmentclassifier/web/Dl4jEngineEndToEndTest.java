package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.classify.TestImages.Fixture;
import com.example.garmentclassifier.web.HttpTestClient.Part;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The DL4J engine over real HTTP (classifier.inference.engine=dl4j), with a batcher made small on
 * purpose so that an overload can be produced: excess requests are refused at once with 503 and
 * Retry-After while every accepted request gets its own, correct answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "classifier.inference.engine=dl4j",
        "classifier.admin.password=dl4j-secret",
        "classifier.batching.max-batch-size=1",
        "classifier.batching.max-queued-images=64"})
class Dl4jEngineEndToEndTest {

    @LocalServerPort
    int port;

    /** Actuator listens on a port of its own. */
    @LocalManagementPort
    int managementPort;

    private final List<Fixture> fixtures = TestImages.fixtures();

    @Test
    void servesOnDl4jWhenConfiguredAndSaysSo() {
        HttpTestClient http = new HttpTestClient(port);
        List<Part> parts = fixtures.stream().map(f -> Part.file(f.file(), TestImages.fixtureBytes(f.file()))).toList();
        JsonNode body = http.postMultipart("/classify", parts).json();
        assertThat(body.get("engine").asString()).isEqualTo("dl4j");
        int correct = 0;
        for (int i = 0; i < fixtures.size(); i++) {
            if (body.get("results").get(i).get("label").asString().equals(fixtures.get(i).label())) {
                correct++;
            }
        }
        assertThat(correct).isGreaterThanOrEqualTo(37);
        JsonNode health = new HttpTestClient(managementPort).withBasicAuth("admin", "dl4j-secret").get("/actuator/health").json().get("components").get("model").get("details");
        assertThat(health.get("engine").asString()).isEqualTo("dl4j");
        assertThat(health.get("engineReason").asString()).contains("classifier.inference.engine=dl4j");
    }

    @Test
    void excessRequestsAreRefusedAtOnceWith503AndRetryAfterWhileAcceptedOnesSucceed() throws Exception {
        // 64 images per request against a queue of 64 images, one image per (slow, DL4J) engine call:
        // while one request's images wait, the next concurrent ones cannot be queued.
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Fixture f = fixtures.get(i % fixtures.size());
            parts.add(Part.file(f.file(), TestImages.fixtureBytes(f.file())));
        }
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<Response>> responses = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            responses.add(clients.submit(() -> new HttpTestClient(port).postMultipart("/classify", parts)));
        }
        int accepted = 0;
        int refused = 0;
        for (Future<Response> future : responses) {
            Response r = future.get(120, TimeUnit.SECONDS);
            if (r.status() == 200) {
                accepted++;
                JsonNode results = r.json().get("results");
                assertThat(results.size()).isEqualTo(64);
                for (int i = 0; i < 64; i++) {
                    assertThat(results.get(i).get("file").asString()).isEqualTo(fixtures.get(i % fixtures.size()).file());
                }
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.headers().firstValue("Retry-After")).contains("1");
                assertThat(r.json().get("title").asString()).isEqualTo("Overloaded");
                refused++;
            }
        }
        clients.shutdown();
        assertThat(accepted).isGreaterThanOrEqualTo(1);
        assertThat(refused).as("an overload was produced and refused").isGreaterThanOrEqualTo(1);
    }
}
