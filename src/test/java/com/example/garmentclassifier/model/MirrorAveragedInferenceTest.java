package com.example.garmentclassifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.example.garmentclassifier.training.GarmentNetwork;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MirrorAveragedInferenceTest {

    @Test
    void anImageAndItsMirrorGetTheSameProbabilities() {
        MultiLayerNetwork network = GarmentNetwork.create(11, 0.001);
        INDArray images = Nd4j.rand(3, 28, 28, 1);
        INDArray mirrored = Nd4j.create(3, 28, 28, 1);
        for (int n = 0; n < 3; n++) {
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    mirrored.putScalar(new int[] {n, y, 27 - x, 0}, images.getFloat(n, y, x, 0));
                }
            }
        }
        float[][] a = MirrorAveragedInference.probabilities(network, images).toFloatMatrix();
        float[][] b = MirrorAveragedInference.probabilities(network, mirrored).toFloatMatrix();
        for (int n = 0; n < 3; n++) {
            double sum = 0;
            for (int c = 0; c < 10; c++) {
                assertThat(a[n][c]).isCloseTo(b[n][c], within(1e-5f));
                sum += a[n][c];
            }
            assertThat(sum).isCloseTo(1.0, within(1e-5));
        }
    }
}
