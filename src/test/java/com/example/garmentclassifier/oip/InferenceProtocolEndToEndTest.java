package com.example.garmentclassifier.oip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.classify.TestImages.Fixture;
import com.example.garmentclassifier.web.HttpTestClient;
import com.example.garmentclassifier.web.HttpTestClient.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The Open Inference Protocol as its documentation (KServe's "Open Inference Protocol", the
 * rest_predict_v2 definition) describes requests and answers: health, server and model metadata,
 * model readiness, inference with FP32 and UINT8 tensors, flat and nested, and error objects.
 * The store holds both committed versions, so version-specific paths have a stored version that
 * is not serving.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InferenceProtocolEndToEndTest {

    private static final String MODEL = "/v2/models/garment-classifier";
    private static String serving;
    private static String other;
    /** Every version the store holds (the committed ones). */
    private static List<String> stored;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void storeWithTwoVersions(DynamicPropertyRegistry registry) {
        try {
            Path store = Files.createTempDirectory("oip-store-");
            FileSystemUtils.copyRecursively(Path.of("model-store/versions"), store.resolve("versions"));
            serving = Files.readString(Path.of("model-store/active-version")).trim();
            Files.writeString(store.resolve("active-version"), serving + "\n");
            try (var versions = Files.list(store.resolve("versions"))) {
                stored = versions.map(v -> v.getFileName().toString()).toList();
            }
            other = stored.stream().filter(v -> !v.equals(serving)).findFirst().orElseThrow();
            registry.add("classifier.model-store", store::toString);
            registry.add("classifier.shared-store.poll-interval", () -> "0s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthAndMetadataAnswerAsTheProtocolDescribes() {
        HttpTestClient http = new HttpTestClient(port);
        Response live = http.get("/v2/health/live");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("live").asBoolean()).isTrue();
        assertThat(http.get("/v2/health/ready").status()).isEqualTo(200);

        JsonNode server = http.get("/v2").json();
        assertThat(server.get("name").asString()).isEqualTo("garment-classifier");
        assertThat(server.get("version").asString()).isNotBlank();
        assertThat(server.get("extensions").isArray()).isTrue();

        JsonNode model = http.get(MODEL).json();
        assertThat(model.get("name").asString()).isEqualTo("garment-classifier");
        assertThat(model.get("platform").asString()).isEqualTo("onnxruntime");
        assertThat(strings(model.get("versions"))).containsExactlyInAnyOrderElementsOf(stored);
        JsonNode input = model.get("inputs").get(0);
        assertThat(input.get("name").asString()).isEqualTo("images");
        assertThat(input.get("datatype").asString()).isEqualTo("FP32");
        assertThat(input.get("shape").toString()).isEqualTo("[-1,28,28]");
        assertThat(model.get("outputs").get(0).get("shape").toString()).isEqualTo("[-1,10]");
        assertThat(http.get(MODEL + "/versions/" + other).status()).isEqualTo(200);

        Response ready = http.get(MODEL + "/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("ready").asBoolean()).isTrue();
        assertThat(http.get(MODEL + "/versions/" + serving + "/ready").status()).isEqualTo(200);
        Response notServing = http.get(MODEL + "/versions/" + other + "/ready");
        assertThat(notServing.status()).as("a stored version that is not serving is not ready: 4xx").isEqualTo(400);
        assertThat(notServing.json().get("ready").asBoolean()).isFalse();

        Response unknown = http.get("/v2/models/shoes");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/json");
        assertThat(unknown.json().get("error").asString()).contains("shoes").contains("garment-classifier");
        assertThat(http.get(MODEL + "/versions/v19990101-000000").json().get("error").asString())
                .contains("no version");
    }

    @Test
    void inferenceReturnsTheProbabilitiesTensorOfTheServingVersion() {
        List<Fixture> fixtures = TestImages.fixtures().subList(0, 8);
        Response response = infer(MODEL + "/infer", request("batch-1", "FP32", true, fixtures));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("model_name").asString()).isEqualTo("garment-classifier");
        assertThat(body.get("model_version").asString()).isEqualTo(serving);
        assertThat(body.get("id").asString()).isEqualTo("batch-1");
        JsonNode output = body.get("outputs").get(0);
        assertThat(output.get("name").asString()).isEqualTo("probabilities");
        assertThat(output.get("datatype").asString()).isEqualTo("FP32");
        assertThat(output.get("shape").toString()).isEqualTo("[8,10]");
        float[][] probabilities = rows(output.get("data"), 10);
        int right = 0;
        for (int i = 0; i < fixtures.size(); i++) {
            double sum = 0;
            int best = 0;
            for (int c = 0; c < 10; c++) {
                sum += probabilities[i][c];
                best = probabilities[i][c] > probabilities[i][best] ? c : best;
            }
            assertThat(sum).isCloseTo(1.0, within(1e-4));
            right += best == fixtures.get(i).classIndex() ? 1 : 0;
        }
        assertThat(right).as("data set images in the data set's form are classified").isGreaterThanOrEqualTo(7);

        Response bytes = infer(MODEL + "/versions/" + serving + "/infer", request(null, "UINT8", false, fixtures));
        assertThat(bytes.status()).as(bytes.body()).isEqualTo(200);
        assertThat(bytes.json().has("id")).as("no id sent, none echoed").isFalse();
        float[][] fromBytes = rows(bytes.json().get("outputs").get(0).get("data"), 10);
        for (int i = 0; i < fixtures.size(); i++) {
            for (int c = 0; c < 10; c++) {
                assertThat(fromBytes[i][c]).as("UINT8 flat = FP32 nested").isCloseTo(probabilities[i][c], within(1e-5f));
            }
        }
    }

    @Test
    void badRequestsGetTheProtocolsErrorObject() {
        List<Fixture> one = TestImages.fixtures().subList(0, 1);
        String good = request(null, "FP32", false, one);
        assertError(infer(MODEL + "/infer", "{\"inputs\": [", "application/json"), 400, "not an inference request");
        assertError(infer(MODEL + "/infer", good.replace("\"images\"", "\"pixels\""), "application/json"), 400,
                "this model's input is 'images'");
        assertError(infer(MODEL + "/infer", good.replace("[1,784]", "[2,784]"), "application/json"), 400, "needs 1568");
        assertError(infer(MODEL + "/infer", good.replace("[1,784]", "[1,32,32]"), "application/json"), 400,
                "[N, 28, 28] or [N, 784]");
        assertError(infer(MODEL + "/infer", good.replace("FP32", "FP16"), "application/json"), 400, "FP32");
        assertError(infer(MODEL + "/infer", good.replaceFirst("\\[0(\\.0)?,", "[200,"), "application/json"), 400,
                "send UINT8 for 0-255");
        assertError(infer(MODEL + "/infer", good.replace("\"inputs\"", "\"outputs\": [{\"name\": \"logits\"}],"
                + " \"inputs\""), "application/json"), 400, "only output is 'probabilities'");
        assertError(infer(MODEL + "/infer", good.replace("\"datatype\"", "\"dtype\": 1, \"datatype\""),
                "application/json"), 400, "unknown field at inputs[0].dtype");
        assertError(infer(MODEL + "/infer", "{\"inputs\": [null]}", "application/json"), 400, "null");
        assertError(infer(MODEL + "/infer", good.replace("\"inputs\"", "\"outputs\": [null], \"inputs\""),
                "application/json"), 400, "only output is 'probabilities'");
        assertError(infer(MODEL + "/infer", "[" + "0,".repeat(1_100_000) + "0]", "application/json"), 413, "2 MB");
        assertError(infer("/v2/models/shoes/infer", good, "application/json"), 404, "Unknown model");
        assertError(infer(MODEL + "/versions/" + other + "/infer", good, "application/json"), 400, "not serving");
        assertError(infer(MODEL + "/versions/v19990101-000000/infer", good, "application/json"), 404, "no version");
        assertError(infer(MODEL + "/infer", good, "text/plain"), 415, "text/plain");
        assertError(infer(MODEL + "/infer", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
                "multipart/form-data; boundary=x"), 400, "multipart/form-data body could not be read");
        Response wrongMethod = new HttpTestClient(port).get(MODEL + "/infer");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("error").asString()).isNotBlank();
        assertThat(wrongMethod.body()).doesNotContain("Exception").doesNotContain("/tmp");
    }

    private void assertError(Response response, int status, String fragment) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("error").asString()).contains(fragment);
        assertThat(response.body()).doesNotContain("com.example").doesNotContain("Exception");
    }

    private Response infer(String path, String body) {
        return infer(path, body, "application/json");
    }

    private Response infer(String path, String body, String contentType) {
        return new HttpTestClient(port).send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A request as the protocol's examples write it; nested = [N, 28, 28] as nested arrays, else flat [N, 784]. */
    private static String request(String id, String datatype, boolean nested, List<Fixture> images) {
        StringJoiner data = new StringJoiner(",", "[", "]");
        for (Fixture image : images) {
            StringJoiner rows = new StringJoiner(",", nested ? "[" : "", nested ? "]" : "");
            for (int y = 0; y < 28; y++) {
                StringJoiner row = new StringJoiner(",", nested ? "[" : "", nested ? "]" : "");
                for (int x = 0; x < 28; x++) {
                    int value = image.pixels()[y * 28 + x] & 0xff;
                    row.add("UINT8".equals(datatype) ? String.valueOf(value) : String.valueOf(value / 255.0f));
                }
                rows.add(row.toString());
            }
            data.add(rows.toString());
        }
        String shape = nested ? "[" + images.size() + ",28,28]" : "[" + images.size() + ",784]";
        return "{" + (id == null ? "" : "\"id\": \"" + id + "\", ") + "\"inputs\": [{\"name\": \"images\", \"shape\": "
                + shape + ", \"datatype\": \"" + datatype + "\", \"data\": " + data + "}]}";
    }

    private static float[][] rows(JsonNode flat, int width) {
        float[][] rows = new float[flat.size() / width][width];
        for (int i = 0; i < flat.size(); i++) {
            rows[i / width][i % width] = (float) flat.get(i).asDouble();
        }
        return rows;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
