package com.example.garmentclassifier.security;

import com.example.garmentclassifier.web.HttpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With API keys configured, /classify needs one, and each client has a rate limit of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "classifier.clients.api-keys.catalogue-eu=eu-Key.with/odd+chars=",
        "classifier.clients.api-keys.photo-studio=studio-key-2",
        "classifier.clients.requests-per-minute=3",
        "classifier.admin.password=clients-secret"})
class ClientsEndToEndTest {

    private static final byte[] IMAGE = TestImages.fixtureBytes("test-00000.png");

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void classifyNeedsAKnownKeyAndEachClientHasItsOwnRateLimit() {
        Response missing = classify(new HttpTestClient(port));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().get("detail").asString()).contains("X-API-Key");

        Response wrong = classify(new HttpTestClient(port).withHeader("X-API-Key", "eu-Key.with/odd+chars"));
        assertThat(wrong.status()).as("a prefix of a key is not the key").isEqualTo(401);
        assertThat(wrong.json().get("detail").asString()).contains("not known");

        HttpTestClient eu = new HttpTestClient(port).withHeader("X-API-Key", "eu-Key.with/odd+chars=");
        for (int i = 0; i < 3; i++) {
            Response accepted = classify(eu);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        }
        Response limited = classify(eu);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("one request refills in 20 s").isBetween(1L, 20L);
        assertThat(limited.json().get("detail").asString()).contains("catalogue-eu");

        Response studio = classify(new HttpTestClient(port).withHeader("X-API-Key", "studio-key-2"));
        assertThat(studio.status()).as("another client's allowance is its own").isEqualTo(200);

        assertThat(new HttpTestClient(port).get("/classes").status()).as("only /classify needs a key").isEqualTo(200);

        String prometheus = new HttpTestClient(managementPort).withBasicAuth("admin", "clients-secret")
                .get("/actuator/prometheus").body();
        assertThat(prometheus)
                .contains("classifier_client_requests_total{client=\"catalogue-eu\",outcome=\"accepted\"} 3.0")
                .contains("classifier_client_requests_total{client=\"catalogue-eu\",outcome=\"rate_limited\"} 1.0")
                .contains("classifier_client_requests_total{client=\"photo-studio\",outcome=\"accepted\"} 1.0")
                .contains("classifier_client_requests_total{client=\"unknown\",outcome=\"unauthenticated\"} 2.0")
                .doesNotContain("studio-key-2");

        // The Open Inference Protocol's inference is classification too: the same keys, in the protocol's error shape.
        Response inferWithoutKey = new HttpTestClient(port).postJson("/v2/models/garment-classifier/infer", "{}");
        assertThat(inferWithoutKey.status()).isEqualTo(401);
        assertThat(inferWithoutKey.contentType()).startsWith("application/json");
        assertThat(inferWithoutKey.json().get("error").asString()).contains("X-API-Key");
        assertThat(new HttpTestClient(port).get("/v2/models/garment-classifier").status())
                .as("metadata needs no key").isEqualTo(200);
        Response keyed = new HttpTestClient(port).withHeader("X-API-Key", "studio-key-2")
                .postJson("/v2/models/garment-classifier/versions/x/infer", "{}");
        assertThat(keyed.status()).as("past the key check: an unknown version").isEqualTo(404);
    }

    private static Response classify(HttpTestClient client) {
        return client.postBody("/classify", "image/png", IMAGE);
    }
}
