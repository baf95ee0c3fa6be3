package com.example.garmentclassifier.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.training.GarmentNetwork;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MirrorAveragedEngineTest {

    private final ImageShape shape = ImageShape.GARMENT;

    @Test
    void anImageAndItsMirrorGetTheSameProbabilities() {
        MirrorAveragedEngine engine = new MirrorAveragedEngine(new Dl4jEngine(GarmentNetwork.create(11, 0.001), shape),
                shape);
        Random random = new Random(3);
        float[][] images = new float[3][shape.pixels()];
        float[][] mirrored = new float[3][shape.pixels()];
        for (int n = 0; n < 3; n++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    images[n][y * 28 + x] = random.nextFloat();
                    mirrored[n][y * 28 + 27 - x] = images[n][y * 28 + x];
                }
            }
        }
        float[][] a = engine.predict(images);
        float[][] b = engine.predict(mirrored);
        for (int n = 0; n < 3; n++) {
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                assertThat(a[n][c]).isCloseTo(b[n][c], within(1e-5f));
                sum += a[n][c];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
        engine.close();
    }

    @Test
    void averagesTheInnerEnginesAnswersForBothViewsInOneCall() {
        // An inner engine whose "probability" is the image's first pixel: the mean of both views is easy to check.
        int[] calls = new int[1];
        InferenceEngine firstPixel = new InferenceEngine() {
            @Override
            public float[][] predict(float[][] images) {
                calls[0]++;
                float[][] out = new float[images.length][];
                for (int i = 0; i < images.length; i++) {
                    out[i] = new float[] {images[i][0]};
                }
                return out;
            }

            @Override
            public String name() {
                return "first-pixel";
            }

            @Override
            public void close() {
            }
        };
        float[] image = new float[shape.pixels()];
        image[0] = 1f; // top-left; its mirror is top-right
        float[][] result = new MirrorAveragedEngine(firstPixel, shape).predict(new float[][] {image});
        assertThat(result[0][0]).isEqualTo(0.5f);
        assertThat(calls[0]).isEqualTo(1);
    }
}
