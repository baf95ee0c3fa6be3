package com.example.garmentclassifier.security;

import com.example.garmentclassifier.web.HttpTestClient;
import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Password guessing is cut short: after a few failed logins an address is refused (429) for a while. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "classifier.admin.password=right-secret", "classifier.admin.max-failed-logins-per-minute=3"})
class FailedLoginThrottleEndToEndTest {

    @LocalServerPort
    int port;

    @Test
    void afterTooManyFailedLoginsEvenTheRightPasswordWaitsButThePublicApiDoesNot() {
        HttpTestClient guesser = new HttpTestClient(port).withBasicAuth("admin", "wrong");
        for (int i = 0; i < 3; i++) {
            assertThat(guesser.get("/admin/jobs").status()).isEqualTo(401);
        }
        Response refused = guesser.get("/admin/jobs");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        assertThat(new HttpTestClient(port).withBasicAuth("admin", "right-secret").get("/admin/jobs").status())
                .as("the address waits, whatever it sends").isEqualTo(429);
        assertThat(new HttpTestClient(port).postBody("/classify", "image/png",
                TestImages.fixtureBytes("test-00000.png")).status()).as("no credentials, no throttle").isEqualTo(200);
    }
}
