package com.example.garmentclassifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.image.Foreground;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.model.EngineSelection;
import com.example.garmentclassifier.model.LoadedModel;
import com.example.garmentclassifier.model.ModelHolder;
import com.example.garmentclassifier.model.ModelMetadata;
import com.example.garmentclassifier.model.batching.DirectDispatcher;
import com.example.garmentclassifier.model.batching.InferenceDispatcher;
import com.example.garmentclassifier.model.engine.InferenceEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping from model output to the response, and what one image's failure costs. */
class ClassificationServiceTest {

    private static final List<String> LABELS = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private static final AttributeExtractor.Outcome NONE = new AttributeExtractor.Outcome(null, "not requested");

    @Test
    void picksTheMostProbableLabelAndKeepsAllProbabilitiesInClassOrder() {
        float[] p = {0.04f, 0f, 0.02f, 0f, 0.03f, 0f, 0.91f, 0f, 0f, 0f};
        ClassificationResult result = ClassificationService.result("shirt.jpg", LABELS, p, NONE, false);

        assertThat(result.file()).isEqualTo("shirt.jpg");
        assertThat(result.label()).isEqualTo("Shirt");
        assertThat(result.classIndex()).isEqualTo(6);
        assertThat(result.confidence()).isCloseTo(0.91, within(1e-6));
        assertThat(result.probabilities().keySet()).containsExactlyElementsOf(LABELS);
        assertThat(result.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-6));
    }

    @Test
    void firstClassWinsATie() {
        float[] p = {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.5f, 0.5f};
        assertThat(ClassificationService.result("x.png", LABELS, p, NONE, false).label()).isEqualTo("Bag");
    }

    @Test
    void anImageWhoseAttributesFailLosesOnlyItsAttributesNotTheRequest() {
        AttributeExtractor failsOnSecond = new AttributeExtractor() {
            private int calls;

            @Override
            public Outcome extract(Foreground foreground) {
                if (++calls == 2) {
                    throw new ArrayIndexOutOfBoundsException("degenerate region");
                }
                return super.extract(foreground);
            }
        };
        ModelHolder holder = new ModelHolder();
        InferenceEngine uniform = new InferenceEngine() {
            @Override
            public float[][] predict(float[][] images) {
                float[][] out = new float[images.length][10];
                for (float[] row : out) {
                    java.util.Arrays.fill(row, 0.1f);
                }
                return out;
            }

            @Override
            public String name() {
                return "uniform";
            }

            @Override
            public void close() {
            }
        };
        holder.swap(new LoadedModel(new ModelMetadata("v1", Instant.now(), "test", 0, LABELS, null, null, null, null,
                null, null, null), uniform, new EngineSelection("uniform", "test", null)));
        InferenceDispatcher direct = new DirectDispatcher(new SimpleMeterRegistry());
        ClassificationService service = new ClassificationService(new ImageDecoder(40_000_000),
                new ImagePreprocessor(new ForegroundDetector()), failsOnSecond, holder, direct,
                new ClassifyMetrics(new SimpleMeterRegistry()), new ImageWorkPermits(1));
        byte[] png = TestImages.fixtureBytes("test-00000.png");

        ClassifyResponse response = service.classify(
                List.of(new Upload("a.png", png), new Upload("b.png", png), new Upload("c.png", png)), true);

        assertThat(response.engine()).isEqualTo("uniform");
        assertThat(response.results()).extracting(ClassificationResult::attributesNote)
                .containsExactly(null, ClassificationService.ATTRIBUTES_FAILED, null);
        assertThat(response.results().get(1).label()).isEqualTo("T-shirt/top");
        assertThat(response.results().get(0).attributes()).isNotNull();
    }
}
