package com.example.garmentclassifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.garmentclassifier.ServiceEndToEndTest;
import com.example.garmentclassifier.IntegrationTest;
import com.example.garmentclassifier.classify.TestImages;
import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The upload page in Debian's headless Chromium: a catalogue user picks images and sees, for each,
 * the label and a bar per class as /classify answered them; a file that is not an image gets a
 * readable message. Skipped, saying so, where Chromium is not installed (.ci/run installs it).
 */
@ServiceEndToEndTest
@IntegrationTest
class UploadPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "upload-page.png");

    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @BeforeAll
    static void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium is not installed (apt-get install chromium chromium-driver): the browser test is skipped");
        profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // No sandbox as root; no background connections, which this machine's closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void uploadedImagesShowTheirLabelAndABarPerClassAsTheApiAnswers() throws IOException {
        TestImages.Fixture trousers = TestImages.fixtures().stream().filter(f -> f.label().equals("Trouser"))
                .findFirst().orElseThrow();
        TestImages.Fixture boot = TestImages.fixtures().get(0);
        Path photo = files.resolve("navy trousers <b>.jpg");
        Files.write(photo, TestImages.encode(TestImages.photo(trousers.pixels(), 8, new Color(25, 35, 80), Color.WHITE,
                400, 360, 60, 40, false), "jpeg"));
        Path small = files.resolve(boot.file());
        Files.write(small, TestImages.fixtureBytes(boot.file()));
        HttpTestClient api = new HttpTestClient(port);

        browser.get("http://localhost:" + port + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textMatches(By.id("model"), java.util.regex.Pattern.compile("^Model v")));
        String current = api.get("/models/current").json().get("version").asString();
        assertThat(browser.findElement(By.id("model")).getText()).contains(current);

        browser.findElement(By.id("files")).sendKeys(photo + "\n" + small);
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".card"), 2));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("2 images classified.");

        List<WebElement> cards = browser.findElements(By.cssSelector(".card"));
        assertThat(cards).extracting(card -> card.getAttribute("data-file"))
                .containsExactly(photo.getFileName().toString(), boot.file());
        assertCardShows(cards.get(0), api.postBody("/classify?filename=x", "image/jpeg", Files.readAllBytes(photo)).json());
        assertCardShows(cards.get(1), api.postBody("/classify?filename=x", "image/png", Files.readAllBytes(small)).json());
        assertThat(cards.get(0).findElement(By.cssSelector(".label")).getText()).isEqualTo("Trouser");
        assertThat(cards.get(0).findElement(By.cssSelector(".file")).getText())
                .as("a file name is text, never markup").isEqualTo("navy trousers <b>.jpg");
        assertThat(cards.get(0).findElements(By.cssSelector(".swatch"))).isNotEmpty();

        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aFileThatIsNotAnImageGetsAReadableMessage() throws IOException {
        Path text = files.resolve("notes.png");
        Files.writeString(text, "not an image at all", StandardCharsets.UTF_8);

        browser.get("http://localhost:" + port + "/");
        browser.findElement(By.id("files")).sendKeys(text.toString());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.attributeContains(By.id("status"), "class", "error"));

        String message = browser.findElement(By.id("status")).getText();
        assertThat(message).isNotBlank().doesNotContain("Exception").doesNotContain("/work");
        assertThat(message).isEqualTo(problemSentence(new HttpTestClient(port)
                .postMultipart("/classify", List.of(HttpTestClient.Part.file("notes.png",
                        "not an image at all".getBytes(StandardCharsets.UTF_8)))).json()));
        assertThat(browser.findElements(By.cssSelector(".card"))).isEmpty();
    }

    @Test
    void swaggerUiRendersEveryOperationUnderTheContentSecurityPolicy() {
        // Swagger UI is scripts only: under a policy that blocked them, no operation would render.
        browser.get("http://localhost:" + port + "/swagger-ui.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 10));
        int documented = new HttpTestClient(port).get("/v3/api-docs").json().get("paths").valueStream()
                .mapToInt(path -> path.size()).sum();
        assertThat(browser.findElements(By.cssSelector(".opblock"))).hasSize(documented);
        assertThat(browser.findElement(By.cssSelector(".opblock-summary-path")).getText()).startsWith("/");
    }

    /** The rendered label, one bar per class in class order, and the predicted bar highlighted at its width. */
    private static void assertCardShows(WebElement card, JsonNode answer) {
        JsonNode result = answer.get("results").get(0);
        assertThat(card.findElement(By.cssSelector(".label")).getText()).isEqualTo(result.get("label").asString());
        List<WebElement> bars = card.findElements(By.cssSelector(".bar"));
        assertThat(bars).hasSize(10);
        List<String> labels = new java.util.ArrayList<>();
        result.get("probabilities").propertyNames().forEach(labels::add);
        assertThat(bars).extracting(bar -> bar.getAttribute("data-label")).containsExactlyElementsOf(labels);
        List<WebElement> predicted = card.findElements(By.cssSelector(".bar.predicted"));
        assertThat(predicted).hasSize(1);
        assertThat(predicted.get(0).getAttribute("data-label")).isEqualTo(result.get("label").asString());
        for (WebElement bar : bars) {
            double probability = result.get("probabilities").get(bar.getAttribute("data-label")).asDouble();
            double width = bar.findElement(By.cssSelector(".fill")).getSize().getWidth();
            double track = bar.findElement(By.cssSelector(".track")).getSize().getWidth();
            assertThat(width / track).as(bar.getAttribute("data-label")).isCloseTo(probability,
                    org.assertj.core.data.Offset.offset(0.02));
        }
        String text = card.getText();
        if (result.hasNonNull("description")) {
            assertThat(text).contains(result.get("description").asString());
        }
        JsonNode attributes = result.get("attributes");
        if (attributes != null && attributes.hasNonNull("sleeveLength")) {
            assertThat(text).contains("Sleeves").contains(attributes.get("sleeveLength").get("value").asString());
        } else {
            assertThat(text).as("no sleeves shown for " + result.get("label").asString()).doesNotContain("Sleeves");
        }
    }

    private static String problemSentence(JsonNode problem) {
        return problem.get("title").asString() + ": " + problem.get("detail").asString();
    }
}
