package com.example.garmentclassifier.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.web.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A retrain the store could not save is refused when it is asked for, not after the training. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreSpaceEndToEndTest {

    private static final String PASSWORD = "space-secret";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PrivateStoreProperties.register(registry, PASSWORD);
        // More than any disk here has free: the store counts as full.
        registry.add("classifier.training.min-free-space", () -> "1024TB");
    }

    @Test
    void aRetrainOnAFullStoreIsRefusedAtOnceWithTheReason() {
        HttpTestClient admin = new HttpTestClient(port).withBasicAuth("admin", PASSWORD);
        HttpTestClient.Response r = admin.postJson("/admin/retrain", "{\"epochs\": 1, \"trainLimit\": 100}");
        assertThat(r.status()).as(r.body()).isEqualTo(507);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asString()).contains("MB free").contains("classifier.training.min-free-space");
        assertThat(admin.get("/admin/jobs").json().size()).as("no job was created").isZero();
    }
}
