package com.example.garmentclassifier.classify;

import com.example.garmentclassifier.image.PreparedImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.attributes.AttributeExtractor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping from model output to the response. */
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
    void stacksPreparedImagesInUploadOrder() {
        float[] a = new float[784];
        float[] b = new float[784];
        a[0] = 0.25f;
        b[783] = 0.75f;
        var stacked = ClassificationService.stack(List.of(new PreparedImage(a, null), new PreparedImage(b, null)));
        assertThat(stacked.shape()).containsExactly(2, 28, 28, 1);
        assertThat(stacked.getFloat(0, 0, 0, 0)).isEqualTo(0.25f);
        assertThat(stacked.getFloat(1, 27, 27, 0)).isEqualTo(0.75f);
    }
}
