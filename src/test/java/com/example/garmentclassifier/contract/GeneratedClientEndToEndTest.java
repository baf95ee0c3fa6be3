package com.example.garmentclassifier.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.garmentclassifier.classify.TestImages;
import com.example.garmentclassifier.client.ApiClient;
import com.example.garmentclassifier.client.ApiException;
import com.example.garmentclassifier.client.api.ClassificationApi;
import com.example.garmentclassifier.client.api.ModelApi;
import com.example.garmentclassifier.client.api.ModelVersionsApi;
import com.example.garmentclassifier.client.api.RetrainingApi;
import com.example.garmentclassifier.client.model.ClassificationResult;
import com.example.garmentclassifier.client.model.ClassifyResponse;
import com.example.garmentclassifier.client.model.CurrentModel;
import com.example.garmentclassifier.client.model.GarmentClass;
import com.example.garmentclassifier.client.model.ModelVersionSummary;
import com.example.garmentclassifier.client.model.RetrainRequest;
import com.example.garmentclassifier.client.model.TrainingJobView;
import com.example.garmentclassifier.model.ModelStoreCopy;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An integrator's view: the Java client generated from docs/openapi.json at build time
 * (openapi-generator, native library) against the running service, on a private copy of the
 * committed store. Its model classes are the document's schemas, so a response the document does
 * not describe fails to deserialise or to compile here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientEndToEndTest {

    private static final String PASSWORD = "client-test-secret";

    @LocalServerPort
    int port;

    @TempDir
    Path uploads;

    private ApiClient anonymous;
    private ApiClient admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("classifier.model-store", () -> ModelStoreCopy.ofCommitted().toString());
        registry.add("classifier.dataset-dir", () -> "src/test/resources/fashion-mnist-mini");
        registry.add("classifier.admin.password", () -> PASSWORD);
    }

    @BeforeEach
    void setUp() {
        anonymous = new ApiClient();
        anonymous.updateBaseUri("http://localhost:" + port);
        admin = new ApiClient();
        admin.updateBaseUri("http://localhost:" + port);
        String credentials = Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        admin.setRequestInterceptor(request -> request.header("Authorization", "Basic " + credentials));
    }

    @Test
    void classifiesImagesAndReadsTheModelWithTheGeneratedClient() throws Exception {
        List<TestImages.Fixture> fixtures = TestImages.fixtures().subList(0, 3);
        List<File> files = fixtures.stream().map(this::write).toList();

        ClassifyResponse response = new ClassificationApi(anonymous).classifyMultipart(null, true, files);

        CurrentModel current = new ModelApi(anonymous).current();
        assertThat(response.getModelVersion()).isEqualTo(current.getVersion());
        assertThat(response.getResults()).extracting(ClassificationResult::getFile)
                .containsExactlyElementsOf(fixtures.stream().map(TestImages.Fixture::file).toList());
        ClassificationResult first = response.getResults().get(0);
        assertThat(first.getProbabilities()).hasSize(10);
        assertThat(first.getConfidence()).isEqualTo(first.getProbabilities().get(first.getLabel()));
        assertThat(first.getAttributes().getColour().getHex()).matches("#[0-9a-f]{6}");
        assertThat(first.getDescription()).startsWith("A").contains(first.getAttributes().getColour().getName())
                .endsWith(".");

        List<GarmentClass> classes = new ModelApi(anonymous).classes();
        assertThat(classes).hasSize(10);
        assertThat(classes.get(first.getClassIndex()).getLabel()).isEqualTo(first.getLabel());
        assertThat(current.getServing().getEngine()).isEqualTo(response.getEngine());
        assertThat(current.getTestAsUploads().getAccuracy()).isGreaterThan(0.9);

        List<ModelVersionSummary> versions = new ModelVersionsApi(anonymous).versions();
        assertThat(versions).filteredOn(ModelVersionSummary::getActive)
                .extracting(ModelVersionSummary::getVersion).containsExactly(current.getVersion());
    }

    @Test
    void theAdminStartsAndCancelsARetrainWithTheGeneratedClient() throws Exception {
        RetrainingApi retraining = new RetrainingApi(admin);

        TrainingJobView started = retraining.retrain(new RetrainRequest().epochs(1).trainLimit(2000)
                .promote(RetrainRequest.PromoteEnum.IF_BETTER));
        assertThat(started.getId()).isNotBlank();
        assertThat(started.getState()).isIn(TrainingJobView.StateEnum.QUEUED, TrainingJobView.StateEnum.RUNNING);

        TrainingJobView cancelled = retraining.cancel(started.getId());
        assertThat(cancelled.getId()).isEqualTo(started.getId());
        assertThat(cancelled.getCancelRequested() || cancelled.getState() == TrainingJobView.StateEnum.CANCELLED).isTrue();
        assertThat(retraining.get(started.getId()).getId()).isEqualTo(started.getId());

        assertThatThrownBy(() -> new RetrainingApi(anonymous).retrain(new RetrainRequest()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(401));
    }

    private File write(TestImages.Fixture fixture) {
        try {
            Path file = uploads.resolve(fixture.file());
            Files.write(file, TestImages.fixtureBytes(fixture.file()));
            return file.toFile();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
