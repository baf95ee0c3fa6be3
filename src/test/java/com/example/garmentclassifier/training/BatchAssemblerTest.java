package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The robust recipe's turn-and-scale augmentation moves pixels where geometry says, and nowhere else;
 * random erasing replaces one rectangle within the image's bounds and nothing outside it.
 */
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
    void erasingReplacesOneRectangleOfBoundedAreaWithNoise() {
        Random random = new Random(7);
        int side = GarmentImages.SIDE;
        for (int trial = 0; trial < 200; trial++) {
            float[] image = new float[GarmentImages.PIXELS];
            java.util.Arrays.fill(image, -1f); // no noise value is negative, so every replaced pixel shows
            BatchAssembler.erase(image, 0, random);
            int top = side;
            int bottom = -1;
            int left = side;
            int right = -1;
            int changed = 0;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    if (image[y * side + x] >= 0) {
                        assertThat(image[y * side + x]).isLessThan(1f);
                        changed++;
                        top = Math.min(top, y);
                        bottom = Math.max(bottom, y);
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                }
            }
            // Exactly the bounding box changed: one rectangle, no holes and nothing outside it.
            assertThat(changed).isEqualTo((bottom - top + 1) * (right - left + 1));
            // 2-40 % of 784 pixels, give or take the rounding of each side.
            assertThat(changed).isBetween(8, 360);
        }
    }

    @Test
    void theRobustRecipeDrawsNoErasing() {
        float[] robust = batchOf(GarmentNetwork.Recipe.ROBUST, 3);
        float[] again = batchOf(GarmentNetwork.Recipe.ROBUST, 3);
        float[] erasing = batchOf(GarmentNetwork.Recipe.ERASING, 3);
        // Same seed, same images: the robust recipe repeats itself exactly (checkpointed runs rely on it),
        // and the erasing recipe differs from it.
        assertThat(again).containsExactly(robust);
        assertThat(erasing).isNotEqualTo(robust);
    }

    private static float[] batchOf(GarmentNetwork.Recipe recipe, long seed) {
        return batchOf(firstImages(), recipe, seed).getFeatures().data().asFloat();
    }

    /** The first 64 images of the mini data set's training file. */
    private static GarmentImages firstImages() {
        return new IdxReader().read(java.nio.file.Path.of("src/test/resources/fashion-mnist-mini"),
                FashionMnistSplit.TRAIN).first(64);
    }

    /** One augmented batch of all the given images, in their order. */
    private static DataSet batchOf(GarmentImages images, GarmentNetwork.Recipe recipe, long seed) {
        int[] order = java.util.stream.IntStream.range(0, images.size()).toArray();
        return BatchAssembler.trainingBatch(images, order, 0, images.size(), new Random(seed), recipe);
    }

    @Test
    void augmentedBatchesStayInRangeAndKeepTheirLabels() {
        GarmentImages images = firstImages();
        DataSet batch = batchOf(images, GarmentNetwork.Recipe.ERASING, 1);
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
