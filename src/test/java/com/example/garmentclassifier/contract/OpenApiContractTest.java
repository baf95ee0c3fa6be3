package com.example.garmentclassifier.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.ServiceEndToEndTest;
import com.example.garmentclassifier.web.HttpTestClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed API document (docs/openapi.json, what integrators and the generated client's
 * build read) is the document the service serves. A DTO, endpoint or response that changes without
 * the committed copy fails here, with the served document written out to replace it.
 */
@ServiceEndToEndTest
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("docs", "openapi.json");
    private static final Path SERVED = Path.of("target", "openapi-served.json");

    @LocalServerPort
    int port;

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        HttpTestClient.Response response = new HttpTestClient(port).get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode served = json.readTree(response.body());
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");

        assertThat(json.readTree(Files.readString(COMMITTED)).equals(served))
                .as("docs/openapi.json differs from the served document: review the difference (diff docs/openapi.json "
                        + SERVED + "), then copy " + SERVED + " over docs/openapi.json")
                .isTrue();
    }
}
