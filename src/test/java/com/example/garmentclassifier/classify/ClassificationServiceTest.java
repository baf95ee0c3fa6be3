package com.example.garmentclassifier.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import com.example.garmentclassifier.attributes.ColourShare;
import com.example.garmentclassifier.attributes.GarmentAttributes;
import com.example.garmentclassifier.attributes.PatternScore;
import com.example.garmentclassifier.image.Foreground;
import com.example.garmentclassifier.image.ForegroundDetector;
import com.example.garmentclassifier.image.ImageDecoder;
import com.example.garmentclassifier.image.ImagePreprocessor;
import com.example.garmentclassifier.inference.Predictor;
import com.example.garmentclassifier.inference.batching.DirectDispatcher;
import com.example.garmentclassifier.inference.batching.InferenceDispatcher;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.serving.EngineSelection;
import com.example.garmentclassifier.inference.serving.LoadedModel;
import com.example.garmentclassifier.inference.serving.ModelHolder;
import com.example.garmentclassifier.store.ModelMetadata;
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
        ClassificationResult result = ClassificationService.result("shirt.jpg", LABELS, p, NONE, 1.0, false, new ReviewPolicy(0.7));

        assertThat(result.file()).isEqualTo("shirt.jpg");
        assertThat(result.label()).isEqualTo("Shirt");
        assertThat(result.classIndex()).isEqualTo(6);
        assertThat(result.confidence()).isCloseTo(0.91, within(1e-6));
        assertThat(result.probabilities().keySet()).containsExactlyElementsOf(LABELS);
        assertThat(result.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aDoubtfulLabelNeedsReviewAndItsDraftSaysSo() {
        float[] doubtful = {0.3f, 0f, 0.05f, 0f, 0.03f, 0f, 0.62f, 0f, 0f, 0f};
        ColourShare navy = new ColourShare("navy", "#1f2a44", 1);
        AttributeExtractor.Outcome read = new AttributeExtractor.Outcome(
                new GarmentAttributes(navy, List.of(navy), new PatternScore("solid", 0.9), null), null);

        ClassificationResult result = ClassificationService.result("x.png", LABELS, doubtful, read, 1.0, true,
                new ReviewPolicy(0.7));

        assertThat(result.needsReview()).isTrue();
        assertThat(result.reviewReason()).isEqualTo("the category is uncertain (62 % confident, under 70 %)");
        assertThat(result.title()).isEqualTo("Navy Shirt");
        assertThat(result.description()).isEqualTo("A navy shirt. Needs review: " + result.reviewReason() + ".");

        float[] sure = {0.01f, 0f, 0.01f, 0f, 0.01f, 0f, 0.97f, 0f, 0f, 0f};
        ClassificationResult confident = ClassificationService.result("x.png", LABELS, sure, read, 1.0, true,
                new ReviewPolicy(0.7));
        assertThat(confident.needsReview()).isFalse();
        assertThat(confident.reviewReason()).isNull();
        assertThat(confident.description()).isEqualTo("A navy shirt.");
    }

    @Test
    void anUploadOfSeveralSeparateObjectsNeedsReviewHoweverConfident() {
        float[] sure = {0f, 0f, 0f, 0f, 0f, 0.99f, 0f, 0.01f, 0f, 0f};
        ColourShare red = new ColourShare("red", "#c62828", 1);
        AttributeExtractor.Outcome read = new AttributeExtractor.Outcome(
                new GarmentAttributes(red, List.of(red), new PatternScore("solid", 0.9), null), null);

        ClassificationResult shapes = ClassificationService.result("shapes.png", LABELS, sure, read, 0.56, true,
                new ReviewPolicy(0.7));
        assertThat(shapes.needsReview()).isTrue();
        assertThat(shapes.reviewReason()).isEqualTo("the upload shows several separate objects, not one garment"
                + " (the largest is 56 % of them)");
        assertThat(shapes.description()).endsWith("Needs review: " + shapes.reviewReason() + ".");
        assertThat(ClassificationService.result("sandal.png", LABELS, sure, read, 0.9, true, new ReviewPolicy(0.7))
                .needsReview()).as("one main object with a few specks").isFalse();
    }

    @Test
    void anUploadWithoutAGarmentNeedsReviewHoweverConfidentAndGetsNoDraft() {
        float[] sure = {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.985f, 0f, 0.015f};
        for (String note : List.of(AttributeExtractor.NOT_SEPARATED, AttributeExtractor.TOO_THIN)) {
            ClassificationResult result = ClassificationService.result("blank.png", LABELS, sure,
                    new AttributeExtractor.Outcome(null, note), 1.0, true, new ReviewPolicy(0.7));
            assertThat(result.label()).isEqualTo("Sneaker");
            assertThat(result.needsReview()).isTrue();
            assertThat(result.reviewReason()).isEqualTo("no garment found: " + note);
            assertThat(result.title()).isNull();
            assertThat(result.description()).isNull();
        }
    }

    @Test
    void firstClassWinsATie() {
        float[] p = {0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0.5f, 0.5f};
        assertThat(ClassificationService.result("x.png", LABELS, p, NONE, 1.0, false, new ReviewPolicy(0.7)).label()).isEqualTo("Bag");
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
                null, null, null, null, null), uniform, new EngineSelection("uniform", "test", null)));
        InferenceDispatcher direct = new DirectDispatcher(new SimpleMeterRegistry());
        ClassificationService service = new ClassificationService(new ImageDecoder(40_000_000),
                new ImagePreprocessor(new ForegroundDetector()), failsOnSecond, new Predictor(holder, direct),
                new ClassifyMetrics(new SimpleMeterRegistry()), new ImageWorkPermits(1), new ReviewPolicy(0.7));
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
