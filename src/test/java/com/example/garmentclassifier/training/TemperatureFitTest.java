package com.example.garmentclassifier.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.inference.engine.Probabilities;
import com.example.garmentclassifier.inference.engine.TemperatureScaledEngine;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemperatureFitTest {

    /**
     * Predictions drawn from a known calibrated model, then sharpened with temperature 1/2.5: the fit
     * finds about 2.5, which undoes it, and the calibration error falls.
     */
    @Test
    void findsTheTemperatureThatUndoesOverConfidence() {
        Random random = new Random(3);
        int n = 4000;
        float[][] overConfident = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            float[] calibrated = new float[10];
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                calibrated[c] = (float) Math.exp(random.nextGaussian() * 1.5);
                sum += calibrated[c];
            }
            for (int c = 0; c < 10; c++) {
                calibrated[c] /= (float) sum;
            }
            // The label is drawn from the calibrated probabilities, so they are right on average.
            double u = random.nextDouble();
            int label = 9;
            for (int c = 0; c < 10; c++) {
                u -= calibrated[c];
                if (u <= 0) {
                    label = c;
                    break;
                }
            }
            labels[i] = label;
            overConfident[i] = TemperatureScaledEngine.scale(calibrated, 1 / 2.5);
        }

        double temperature = TemperatureFit.fit(overConfident, labels);

        assertThat(temperature).isCloseTo(2.5, within(0.25));
        float[][] fixed = new float[n][];
        for (int i = 0; i < n; i++) {
            fixed[i] = TemperatureScaledEngine.scale(overConfident[i], temperature);
            assertThat(Probabilities.mostLikely(fixed[i])).isEqualTo(Probabilities.mostLikely(overConfident[i]));
        }
        double before = ConfidenceBins.of(overConfident, labels).expectedCalibrationError();
        double after = ConfidenceBins.of(fixed, labels).expectedCalibrationError();
        assertThat(after).isLessThan(before / 3);
    }

    @Test
    void temperatureOneChangesNothing() {
        float[] p = {0.7f, 0.2f, 0.1f};
        float[] same = TemperatureScaledEngine.scale(p, 1);
        for (int c = 0; c < p.length; c++) {
            assertThat(same[c]).isCloseTo(p[c], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }
}
