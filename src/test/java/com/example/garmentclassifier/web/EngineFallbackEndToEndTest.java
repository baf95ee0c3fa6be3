package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.model.ModelStoreCopy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The active version's ONNX form does not match its DL4J network: it serves on DL4J, and health says why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "classifier.admin.password=fallback-secret")
class EngineFallbackEndToEndTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("classifier.model-store", () -> ModelStoreCopy.withMismatchedOnnx().toString());
    }

    @Test
    void aVersionFailingItsParityCheckServesOnDl4jAndHealthSaysSo() {
        JsonNode classified = new HttpTestClient(port)
                .postBody("/classify", "image/png", TestImages.fixtureBytes("test-00000.png")).json();
        assertThat(classified.get("engine").asString()).isEqualTo("dl4j");
        assertThat(classified.get("results").get(0).get("label").asString()).isNotBlank();

        JsonNode model = new HttpTestClient(managementPort).withBasicAuth("admin", "fallback-secret")
                .get("/actuator/health").json().get("components").get("model");
        assertThat(model.get("status").asString()).isEqualTo("UP");
        assertThat(model.get("details").get("engine").asString()).isEqualTo("dl4j");
        assertThat(model.get("details").get("engineReason").asString()).contains("does not match DL4J");
        assertThat(model.get("details").get("parity").asString()).doesNotStartWith("parity passed");
    }
}
