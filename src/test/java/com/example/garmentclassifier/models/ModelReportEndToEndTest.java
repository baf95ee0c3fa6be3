package com.example.garmentclassifier.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.store.EvaluationReport;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.store.ModelVersions;
import com.example.garmentclassifier.store.StoreLayout;
import com.example.garmentclassifier.training.FashionMnistSplit;
import com.example.garmentclassifier.training.IdxReader;
import com.example.garmentclassifier.web.HttpTestClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every committed version's report over HTTP, with the mini test set installed: each chart parses as
 * SVG at its size, the confusion matrix is the metadata's, the reliability bins hold every test
 * image, and the misclassified images decode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "classifier.dataset-dir=src/test/resources/fashion-mnist-mini")
class ModelReportEndToEndTest {

    private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);
    private static final Pattern IMAGE = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    @LocalServerPort
    int port;

    @Test
    void everyVersionsReportHasItsChartsAndTheMetadatasConfusionMatrix() throws Exception {
        HttpTestClient client = new HttpTestClient(port);
        ModelVersions store = new ModelVersions(new StoreLayout(Path.of("model-store")), JsonMapper.builder().build());
        int testImages = new IdxReader().read(Path.of("src/test/resources/fashion-mnist-mini"), FashionMnistSplit.TEST)
                .size();
        JsonNode versions = client.get("/models").json();
        assertThat(versions.size()).isEqualTo(store.list().size());
        for (JsonNode summary : versions) {
            String version = summary.get("version").asString();
            HttpTestClient.Response page = client.get("/models/" + version + "/report");
            assertThat(page.status()).as(version).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            Map<String, Element> charts = charts(page.body());
            assertThat(charts).as(version).containsOnlyKeys("confusion-matrix", "loss-curve", "accuracy-curve",
                    "reliability");
            assertSize(charts.get("confusion-matrix"), 580, 610);
            assertSize(charts.get("loss-curve"), 560, 300);
            assertSize(charts.get("accuracy-curve"), 560, 300);
            assertSize(charts.get("reliability"), 420, 360);

            ModelMetadata metadata = store.readMetadata(version);
            if (metadata.training() != null && metadata.training().hyperparameters().get("teacher") != null) {
                assertThat(page.body()).as(version + " says what it was distilled from")
                        .contains("distilled from version " + metadata.training().hyperparameters().get("teacher"));
            }
            EvaluationReport report = metadata.testAsUploads() != null ? metadata.testAsUploads() : metadata.test();
            NodeList cells = charts.get("confusion-matrix").getElementsByTagName("rect");
            assertThat(cells.getLength()).isEqualTo(100);
            for (int i = 0; i < cells.getLength(); i++) {
                Element cell = (Element) cells.item(i);
                int row = Integer.parseInt(cell.getAttribute("data-row"));
                int col = Integer.parseInt(cell.getAttribute("data-col"));
                assertThat(Integer.parseInt(cell.getAttribute("data-count"))).as(version + " [" + row + "][" + col + "]")
                        .isEqualTo(report.confusionMatrix()[row][col]);
            }
            NodeList lines = charts.get("accuracy-curve").getElementsByTagName("polyline");
            assertThat(lines.getLength()).as("accuracy series of " + version).isGreaterThanOrEqualTo(2);

            int binned = 0;
            NodeList bins = charts.get("reliability").getElementsByTagName("rect");
            for (int i = 0; i < bins.getLength(); i++) {
                binned += Integer.parseInt(((Element) bins.item(i)).getAttribute("data-count"));
            }
            assertThat(binned).as("every test image is in a confidence bin").isEqualTo(testImages);

            List<BufferedImage> misclassified = images(page.body());
            assertThat(misclassified).as(version).isNotEmpty().hasSizeLessThanOrEqualTo(ModelReportPage.MISCLASSIFIED_SHOWN);
            for (BufferedImage image : misclassified) {
                assertThat(image.getWidth()).isEqualTo(28 * ModelReportPage.THUMBNAIL_SCALE);
                assertThat(image.getHeight()).isEqualTo(28 * ModelReportPage.THUMBNAIL_SCALE);
            }
        }
    }

    @Test
    void anUnknownVersionIsAProblemDetail() {
        HttpTestClient.Response response = new HttpTestClient(port).get("/models/v-none/report");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private static Map<String, Element> charts(String html) throws Exception {
        Map<String, Element> charts = new HashMap<>();
        Matcher matcher = SVG.matcher(html);
        while (matcher.find()) {
            Element svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(matcher.group().getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
            charts.put(svg.getAttribute("id"), svg);
        }
        return charts;
    }

    private static void assertSize(Element svg, int width, int height) {
        assertThat(svg.getAttribute("width")).isEqualTo(String.valueOf(width));
        assertThat(svg.getAttribute("height")).isEqualTo(String.valueOf(height));
    }

    private static List<BufferedImage> images(String html) throws Exception {
        List<BufferedImage> images = new ArrayList<>();
        Matcher matcher = IMAGE.matcher(html);
        while (matcher.find()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(matcher.group(1))));
            assertThat(image).as("decodes").isNotNull();
            images.add(image);
        }
        return images;
    }
}
