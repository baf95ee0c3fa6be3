package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.example.garmentclassifier.GarmentClassifierApplication;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.model.ModelStoreCopy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shutdown while a request is in flight: the request, whose body is still arriving when the
 * shutdown begins, is answered in full, and the application then stops.
 */
class GracefulShutdownEndToEndTest {

    @Test
    void aRequestInFlightWhenShutdownBeginsIsAnsweredInFull() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(GarmentClassifierApplication.class).run(
                "--server.port=0", "--management.server.port=0",
                "--classifier.model-store=" + ModelStoreCopy.ofCommitted(),
                "--classifier.admin.password=shutdown-secret");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        byte[] image = TestImages.fixtureBytes("test-00000.png");
        SlowStream body = new SlowStream(image);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/classify"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> body), image.length))
                .build();
        CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());

        // The request has started and its body is still arriving (it takes about two seconds in all).
        await("a quarter of the body sent").atMost(Duration.ofSeconds(10))
                .until(() -> body.delivered.get() >= image.length / 4);
        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(app::close);

        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"label\"");
        shutdown.get(30, TimeUnit.SECONDS);
        assertThat(app.isActive()).isFalse();
    }

    /** The image's bytes over about two seconds. */
    private static final class SlowStream extends InputStream {

        private final InputStream bytes;
        private final long pause;
        final AtomicInteger delivered = new AtomicInteger();

        SlowStream(byte[] data) {
            this.bytes = new ByteArrayInputStream(data);
            this.pause = Math.max(1, 2000 / Math.max(1, data.length / 16));
        }

        @Override
        public int read() throws IOException {
            int b = bytes.read();
            if (b >= 0) {
                delivered.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            int n = bytes.read(buffer, offset, Math.min(length, 16));
            if (n > 0) {
                delivered.addAndGet(n);
            }
            return n;
        }
    }
}
