package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient.Response;
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

/** Without a usable model the application still starts, reports DOWN and answers 503. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NoModelEndToEndTest {

    @LocalServerPort
    int port;

    /** Actuator listens on a port of its own. */
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void emptyStore(DynamicPropertyRegistry registry) {
        try {
            Path store = Files.createTempDirectory("empty-store");
            registry.add("classifier.model-store", store::toString);
            registry.add("classifier.admin.password", () -> "no-model-secret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthIsDownAndClassifyAnswers503() {
        HttpTestClient http = new HttpTestClient(port);

        Response health = new HttpTestClient(managementPort).get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
        Response details = new HttpTestClient(managementPort).withBasicAuth("admin", "no-model-secret").get("/actuator/health");
        assertThat(details.json().get("components").get("model").get("status").asString()).isEqualTo("DOWN");

        Response classify = http.postBody("/classify", "image/png", TestImages.fixtureBytes("test-00000.png"));
        assertThat(classify.status()).isEqualTo(503);
        assertThat(classify.contentType()).startsWith("application/problem+json");
        assertThat(classify.json().get("title").asString()).isEqualTo("Model unavailable");
        assertThat(classify.json().get("detail").asString()).contains("--train").doesNotContain("/tmp").doesNotContain("empty-store");

        assertThat(http.get("/models/current").status()).isEqualTo(503);
    }

    @Test
    void theInstanceIsAliveButNotReadySoABalancerSendsItNothingAndNothingRestartsIt() {
        HttpTestClient actuator = new HttpTestClient(managementPort);
        Response readiness = actuator.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
        assertThat(actuator.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void theOpenInferenceProtocolSaysNotReadyAndRefusesInferenceWithARetryAfter() {
        HttpTestClient http = new HttpTestClient(port);
        Response ready = http.get("/v2/health/ready");
        assertThat(ready.status()).as("the protocol answers false with a 4xx").isEqualTo(400);
        assertThat(ready.json().get("ready").asBoolean()).isFalse();
        assertThat(http.get("/v2/health/live").status()).isEqualTo(200);
        assertThat(http.get("/v2/models/garment-classifier/ready").status()).isEqualTo(400);

        String zeros = "0,".repeat(783) + "0";
        Response infer = http.postJson("/v2/models/garment-classifier/infer", "{\"inputs\": [{\"name\": \"images\","
                + " \"shape\": [1, 784], \"datatype\": \"UINT8\", \"data\": [" + zeros + "]}]}");
        assertThat(infer.status()).isEqualTo(503);
        assertThat(infer.headers().firstValue("Retry-After")).isPresent();
        assertThat(infer.json().get("error").asString()).contains("--train").doesNotContain("empty-store");
    }

}
