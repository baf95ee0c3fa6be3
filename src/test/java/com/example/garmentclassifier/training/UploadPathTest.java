package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The data set's images as uploads: prepared on every core, yet each input lands where its image is. */
class UploadPathTest {

    private static final Path MINI = Path.of("src/test/resources/fashion-mnist-mini");

    @Test
    void inputsOfARangeAreEachImagePreparedOnItsOwnInOrder() {
        GarmentImages images = new IdxReader().read(MINI, FashionMnistSplit.TEST);
        UploadPath path = new UploadPath();
        int from = 7;
        int to = 207;

        float[][] inputs = path.inputs(images, from, to);

        assertThat(inputs).hasNumberOfRows(to - from);
        for (int i = from; i < to; i++) {
            assertThat(inputs[i - from]).as("image %d", i).containsExactly(path.prepared(images.pixels()[i]).modelInput());
        }
        assertThat(inputs[0]).isNotEqualTo(inputs[1]);
    }
}
