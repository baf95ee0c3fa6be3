package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.garmentclassifier.classify.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients that trickle their uploads hold request threads; with more of them than the public port
 * has threads, the liveness and readiness probes still answer, because actuator has a port and
 * threads of its own, and the service serves again once they are gone. The public pool is made small
 * so that a handful of bounded slow senders (loopback only, a few seconds) exhausts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.threads.max=4")
class SlowClientsEndToEndTest {

    private static final int SLOW_SENDERS = 8;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void probesAnswerWhileSlowSendersHoldEveryPublicThread() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < SLOW_SENDERS; i++) {
            Thread sender = new Thread(() -> trickle(stop), "slow-sender-" + i);
            sender.start();
            senders.add(sender);
        }
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            await("the slow senders to hold every public thread").atMost(Duration.ofSeconds(10))
                    .until(() -> publicPortIsBusy(client));
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + managementPort + probe))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(probe).isEqualTo(200);
            }
        } finally {
            stop.countDown();
            for (Thread sender : senders) {
                sender.join(10_000);
            }
        }
        HttpTestClient.Response after = new HttpTestClient(port).postBody("/classify", "image/png",
                TestImages.fixtureBytes("test-00000.png"));
        assertThat(after.status()).as("serving again once the slow senders are gone").isEqualTo(200);
    }

    /** True when a cheap request to the public port gets no answer within half a second. */
    private boolean publicPortIsBusy(HttpClient client) throws IOException, InterruptedException {
        try {
            client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/models/current"))
                    .timeout(Duration.ofMillis(500)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return false;
        } catch (HttpTimeoutException e) {
            return true;
        }
    }

    /** Sends a raw-body request's headers at once, then one byte every 200 ms until told to stop (at most 15 s). */
    private void trickle(CountDownLatch stop) {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /classify HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 75 && !stop.await(200, TimeUnit.MILLISECONDS); i++) {
                out.write(0x89);
                out.flush();
            }
        } catch (IOException e) {
            // the server may close the connection: that is its right
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
