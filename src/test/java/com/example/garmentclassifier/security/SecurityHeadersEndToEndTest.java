package com.example.garmentclassifier.security;

import com.example.garmentclassifier.web.HttpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.ServiceEndToEndTest;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pages and API answers carry the security headers: a CSP, no sniffing, no framing, no referrer. */
@ServiceEndToEndTest
class SecurityHeadersEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void swaggerUiAndTheApiCarryTheSecurityHeaders() {
        HttpTestClient http = new HttpTestClient(port);
        Response page = http.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval"));
        assertThat(page.body()).as("the page has no inline script the policy would block")
                .doesNotContainPattern("<script>|<script(?![^>]*\\bsrc=)[^>]*>");
        assertStandardHeaders(page);

        Response classified = http.postBody("/classify", "image/png", TestImages.fixtureBytes("test-00003.png"));
        assertThat(classified.status()).isEqualTo(200);
        assertStandardHeaders(classified);
    }

    private static void assertStandardHeaders(Response response) {
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }
}
