package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.ServiceEndToEndTest;
import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Seeded fuzzing over real HTTP: valid PNG, JPEG, GIF and BMP uploads with random byte flips,
 * truncations and insertions. Every answer is a 200 or a 4xx problem detail, never a 5xx or a hang,
 * and the service is healthy afterwards. Prints the counts by status.
 */
@ServiceEndToEndTest
@IntegrationTest
class FuzzedUploadsEndToEndTest {

    private static final int CASES_PER_FORMAT = 500;
    /** Generous: a bound on hangs, not a speed requirement. */
    private static final Duration PER_REQUEST = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    /** Actuator listens on a port of its own. */
    @LocalManagementPort
    int managementPort;

    @Test
    void mutatedImagesAreClassifiedOrRefusedWithA4xxNeverA5xx() {
        HttpTestClient http = new HttpTestClient(port);
        BufferedImage photo = TestImages.photo(TestImages.fixtures().get(3).pixels(), 4, new Color(30, 60, 120),
                Color.WHITE, 140, 120, 10, 4, false);
        Random random = new Random(20261125);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        for (String format : List.of("png", "jpeg", "gif", "bmp")) {
            byte[] valid = TestImages.encode(photo, format);
            for (int i = 0; i < CASES_PER_FORMAT; i++) {
                byte[] mutated = mutate(valid, random);
                Response r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/classify"))
                        .timeout(PER_REQUEST).header("Content-Type", "image/" + format)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(mutated)));
                byStatus.merge(r.status(), 1, Integer::sum);
                assertThat(r.status()).as("%s case %d: %s", format, i, r.body()).isLessThan(500);
                if (r.status() != 200) {
                    assertThat(r.contentType()).as("%s case %d", format, i).startsWith("application/problem+json");
                }
            }
        }
        System.out.println("Fuzzed uploads by status: " + byStatus);
        assertThat(byStatus.keySet()).as("the mutations reach both outcomes").contains(200, 400);
        assertThat(new HttpTestClient(managementPort).get("/actuator/health").status()).isEqualTo(200);
    }

    /** One to three random edits: flip bytes, truncate, or insert random bytes. */
    private static byte[] mutate(byte[] valid, Random random) {
        byte[] data = valid.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    for (int k = 0, n = 1 + random.nextInt(8); k < n; k++) {
                        data[random.nextInt(data.length)] ^= (byte) (1 + random.nextInt(255));
                    }
                }
                case 1 -> data = Arrays.copyOf(data, Math.max(1, random.nextInt(data.length)));
                default -> {
                    int at = random.nextInt(data.length);
                    byte[] noise = new byte[1 + random.nextInt(64)];
                    random.nextBytes(noise);
                    byte[] longer = new byte[data.length + noise.length];
                    System.arraycopy(data, 0, longer, 0, at);
                    System.arraycopy(noise, 0, longer, at, noise.length);
                    System.arraycopy(data, at, longer, at + noise.length, data.length - at);
                    data = longer;
                }
            }
        }
        return data;
    }
}
