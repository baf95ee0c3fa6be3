package com.example.garmentclassifier.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.EnsembleEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.InferenceEngine;
import com.example.garmentclassifier.inference.engine.TemperatureScaledEngine;
import com.example.garmentclassifier.store.ModelMetadata;
import com.example.garmentclassifier.training.GarmentNetwork;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServedEnginesTest {

    @Test
    void dl4jRunsOneNetworkOnItsOwnAndAnEnsembleAsTheMeanOfItsMembers() {
        try (InferenceEngine single = ServedEngines.dl4j(List.of(GarmentNetwork.create(1, 0.001)));
             InferenceEngine ensemble = ServedEngines.dl4j(List.of(GarmentNetwork.create(2, 0.001),
                     GarmentNetwork.create(3, 0.001)))) {
            assertThat(single).isInstanceOf(Dl4jEngine.class);
            assertThat(ensemble).isInstanceOf(EnsembleEngine.class);
            assertThat(((EnsembleEngine) ensemble).size()).isEqualTo(2);
        }
    }

    @Test
    void aVersionServesMirrorAveragedAndThenTemperatureScaledWhenItIsCalibrated() {
        float[] image = new float[ImageShape.GARMENT.pixels()];
        image[0] = 1f; // top-left
        image[27] = 0.5f; // top-right: the mirror's top-left
        float[][] images = {image};

        float[] mirrorAveraged = ServedEngines.served(new FirstPixel(), null).predict(images)[0];
        assertThat(mirrorAveraged[0]).isCloseTo(0.7f, within(1e-6f));
        assertThat(mirrorAveraged[1]).isCloseTo(0.3f, within(1e-6f));

        ModelMetadata.Calibration calibration = new ModelMetadata.Calibration(2.0, 0.1, 0.05, "validation", "test");
        float[] calibrated = ServedEngines.served(new FirstPixel(), calibration).predict(images)[0];
        assertThat(calibrated).containsExactly(TemperatureScaledEngine.scale(mirrorAveraged, 2.0));
    }

    @Test
    void anUncalibratedVersionIsAskedAsItIs() {
        InferenceEngine engine = new FirstPixel();
        assertThat(ServedEngines.calibrated(engine, null)).isSameAs(engine);
    }

    /** Two classes whose first probability follows the image's top-left pixel, so each view's answer differs. */
    private static final class FirstPixel implements InferenceEngine {

        @Override
        public float[][] predict(float[][] images) {
            float[][] out = new float[images.length][];
            for (int i = 0; i < images.length; i++) {
                float first = 0.1f + 0.8f * images[i][0];
                out[i] = new float[] {first, 1 - first};
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
    }
}
