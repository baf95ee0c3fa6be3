package com.example.garmentclassifier.security;

import com.example.garmentclassifier.web.HttpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.ServiceEndToEndTest;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CORS is closed unless origins are configured; then only those, and only for the public API. */
@ServiceEndToEndTest
class CorsEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void aConfiguredOriginMayCallThePublicApiAndNoOtherOriginMay() {
        Response allowed = preflight("/classify", ServiceEndToEndTest.CORS_ORIGIN);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(ServiceEndToEndTest.CORS_ORIGIN);

        Response stranger = preflight("/classify", "https://elsewhere.example");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        Response admin = preflight("/admin/retrain", ServiceEndToEndTest.CORS_ORIGIN);
        assertThat(admin.headers().firstValue("Access-Control-Allow-Origin")).as("never the admin API").isEmpty();
    }

    private Response preflight(String path, String origin) {
        return new HttpTestClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST"));
    }
}
