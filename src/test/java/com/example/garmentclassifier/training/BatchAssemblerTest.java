package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The robust recipe's turn-and-scale augmentation moves pixels where geometry says, and nowhere else. */
class BatchAssemblerTest {

    @Test
    void noTurnIsTheIdentityAndAQuarterTurnMovesAMarkedPixelAsExpected() {
        float[] image = new float[GarmentImages.PIXELS];
        image[20 * 28 + 5] = 1f; // (x 5, y 20)
        float[] same = image.clone();
        BatchAssembler.turnAndScale(same, 0, 0, 1);
        assertThat(same).containsExactly(image, within(1e-6f));

        float[] turned = image.clone();
        BatchAssembler.turnAndScale(turned, 0, 90, 1);
        // Clockwise on screen (y down): what was at (x 5, y 20) lands at (x 7, y 5).
        assertThat(turned[5 * 28 + 7]).isCloseTo(1f, within(1e-5f));
        double total = 0;
        for (float v : turned) {
            total += v;
        }
        assertThat(total).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void augmentedBatchesStayInRangeAndKeepTheirLabels() {
        GarmentImages images = new IdxReader().read(java.nio.file.Path.of("src/test/resources/fashion-mnist-mini"),
                FashionMnistSplit.TRAIN).first(64);
        int[] order = new int[64];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        var batch = BatchAssembler.trainingBatch(images, order, 0, 64, new Random(1), true);
        float[] data = batch.getFeatures().data().asFloat();
        for (float v : data) {
            assertThat(v).isBetween(0f, 1f);
        }
        float[] labels = batch.getLabels().data().asFloat();
        for (int i = 0; i < 64; i++) {
            assertThat(labels[i * BatchAssembler.CLASSES + images.labels()[i]]).isEqualTo(1f);
        }
    }
}
