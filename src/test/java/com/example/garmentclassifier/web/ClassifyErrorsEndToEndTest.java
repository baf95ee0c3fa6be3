package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.web.HttpTestClient.Part;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bad input over real HTTP: every failure is a 4xx problem detail without internals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"classifier.max-image-bytes=2MB", "classifier.max-image-pixels=4000000"})
class ClassifyErrorsEndToEndTest {

    @LocalServerPort
    int port;

    private HttpTestClient http;
    private final byte[] png = TestImages.fixtureBytes("test-00000.png");

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    @Test
    void multipartWithoutFilePartIsBadRequest() {
        Response r = http.postMultipart("/classify", List.of(new Part("other", null, "text/plain", "x".getBytes())));
        assertProblem(r, 400, "No image");
    }

    @Test
    void emptyPartIsBadRequestNamingTheFile() {
        Response r = http.postMultipart("/classify", List.of(Part.file("a.png", png), Part.file("empty.png", new byte[0])));
        assertProblem(r, 400, "Empty upload");
        assertThat(r.json().get("detail").asString()).contains("empty.png");
    }

    @Test
    void textFileIsUnsupportedMediaType() {
        Response r = http.postMultipart("/classify", List.of(Part.file("notes.png", "hello, not an image".getBytes())));
        assertProblem(r, 415, "Unsupported image type");
    }

    @Test
    void truncatedImageIsBadRequest() {
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        Response r = http.postMultipart("/classify", List.of(Part.file("cut.png", truncated)));
        assertProblem(r, 400, "Unreadable image");
    }

    @Test
    void tooManyFilesIsBadRequestWithTheLimit() {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            parts.add(Part.file("f" + i + ".png", png));
        }
        Response r = http.postMultipart("/classify", parts);
        assertProblem(r, 400, "Too many files");
        assertThat(r.json().get("detail").asString()).contains("65 files").contains("limit is 64");
    }

    @Test
    void moreMultipartPartsThanTheContainerAllowsIsStillAProblemDetail() {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            parts.add(Part.file("f" + i + ".png", png));
        }
        Response r = http.postMultipart("/classify", parts);
        assertThat(r.status()).isBetween(400, 499);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void rawBodyOverTheByteLimitIsContentTooLarge() {
        byte[] big = new byte[3 * 1024 * 1024];
        System.arraycopy(png, 0, big, 0, png.length);
        Response r = http.postBody("/classify", "image/png", big);
        assertProblem(r, 413, "Upload too large");
    }

    @Test
    void imageWithTooManyPixelsIsContentTooLarge() {
        byte[] huge = TestImages.encode(new java.awt.image.BufferedImage(3000, 2000,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png");
        Response r = http.postBody("/classify", "image/png", huge);
        assertProblem(r, 413, "Image too large");
    }

    @Test
    void unsupportedContentTypeIsUnsupportedMediaType() {
        Response r = http.postBody("/classify", "text/plain", "hello".getBytes());
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.contentType()).startsWith("application/problem+json");
        // The detail names what to send instead, not only what was refused.
        assertThat(r.body()).contains("text/plain", "multipart/form-data", "image/png", "image/jpeg");
    }

    @Test
    void rawBodyThatIsNotAnImageIsUnsupportedMediaType() {
        Response r = http.postBody("/classify", "image/jpeg", "<svg></svg>".getBytes());
        assertProblem(r, 415, "Unsupported image type");
    }

    @Test
    void malformedMultipartIsBadRequest() {
        Response r = http.postBody("/classify", "multipart/form-data; boundary=nothing-here", "garbage".getBytes());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongMethodAndUnknownPathAreProblemDetails() {
        Response get = http.get("/classify");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.contentType()).startsWith("application/problem+json");
        Response missing = http.get("/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
    }

    @Test
    void emptyRawBodyIsBadRequest() {
        Response r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/classify"))
                .header("Content-Type", "image/png").POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(r, 400, "Empty upload");
    }

    @Test
    void multipartLimitsOtherThanSizeAre400sThatSayWhichLimit() {
        // A 1,000-character file name is fine; 5,000 characters exceed the part-header limit.
        Response longName = http.postMultipart("/classify", List.of(Part.file("a".repeat(1000) + ".png", png)));
        assertThat(longName.status()).as(longName.body()).isEqualTo(200);
        Response tooLongName = http.postMultipart("/classify", List.of(Part.file("a".repeat(5000) + ".png", png)));
        assertProblem(tooLongName, 400, "Part header too large");
        assertThat(tooLongName.json().get("detail").asString()).as("names server.tomcat.max-part-header-size")
                .contains("longer than the 4 KB");

        List<Part> fields = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            fields.add(new Part("field" + i, null, "text/plain", "x".getBytes()));
        }
        fields.add(Part.file("x.png", png));
        assertProblem(http.postMultipart("/classify", fields), 400, "Too many parts");
    }

    @Test
    void errorsRaisedOutsideTheControllersAreProblemDetailsToo() {
        String base = "http://localhost:" + port;
        // Refused by Tomcat itself before the application: an encoded slash in the path.
        assertContainerProblem(http.send(HttpRequest.newBuilder(URI.create(base + "/a%2Fb")).GET()), 400);
        // Refused by the security firewall: an encoded "..".
        assertContainerProblem(http.send(HttpRequest.newBuilder(URI.create(base + "/classify/%2e%2e/x")).GET()), 400);
        // No handler takes TRACE.
        assertContainerProblem(http.send(HttpRequest.newBuilder(URI.create(base + "/classify"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody())), 405);
        // The error page itself, asked for directly.
        assertContainerProblem(http.get("/error"), 404);
    }

    private static void assertContainerProblem(Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("<html").doesNotContain("Tomcat").doesNotContain("\"path\"");
    }

    private static void assertProblem(Response r, int status, String title) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("title").asString()).isEqualTo(title);
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("/work/").doesNotContain("\tat ");
    }
}
