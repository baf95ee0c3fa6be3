package com.example.garmentclassifier.inference.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Images arrive as (h, w, c) rows; the engine must hand them to DL4J in the layout its first layer reads. */
class Dl4jEngineTest {

    private static final ImageShape SHAPE = new ImageShape(5, 4, 3);

    @Test
    void channelsLastNetworkReceivesTheRowsAsTheyAre() {
        MultiLayerNetwork network = network(CNN2DFormat.NHWC);
        float[][] images = images(3);
        INDArray nhwc = Nd4j.create(flatten(images), new long[] {3, 5, 4, 3}, 'c');

        try (Dl4jEngine engine = new Dl4jEngine(network, SHAPE)) {
            assertSameRows(network.output(nhwc, false).toFloatMatrix(), engine.predict(images));
        }
    }

    @Test
    void channelsFirstNetworkReceivesChannelsFirst() {
        MultiLayerNetwork network = network(CNN2DFormat.NCHW);
        float[][] images = images(3);
        float[] nchw = new float[3 * SHAPE.pixels()];
        for (int n = 0; n < 3; n++) {
            for (int h = 0; h < 5; h++) {
                for (int w = 0; w < 4; w++) {
                    for (int c = 0; c < 3; c++) {
                        nchw[n * 60 + c * 20 + h * 4 + w] = images[n][(h * 4 + w) * 3 + c];
                    }
                }
            }
        }

        try (Dl4jEngine engine = new Dl4jEngine(network, SHAPE)) {
            float[][] expected = network.output(Nd4j.create(nchw, new long[] {3, 3, 5, 4}, 'c'), false).toFloatMatrix();
            assertSameRows(expected, engine.predict(images));
        }
    }

    @Test
    void wrongImageSizeIsRejected() {
        try (Dl4jEngine engine = new Dl4jEngine(network(CNN2DFormat.NHWC), SHAPE)) {
            assertThrows(IllegalArgumentException.class, () -> engine.predict(new float[][] {new float[59]}));
            assertEquals("dl4j", engine.name());
        }
    }

    private static MultiLayerNetwork network(CNN2DFormat format) {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(2).dataFormat(format).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(6).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(SHAPE.height(), SHAPE.width(), SHAPE.channels(), format))
                .build());
        network.init();
        return network;
    }

    private static float[][] images(int count) {
        SplittableRandom random = new SplittableRandom(9);
        float[][] images = new float[count][SHAPE.pixels()];
        for (float[] image : images) {
            for (int p = 0; p < image.length; p++) {
                image[p] = (float) random.nextDouble();
            }
        }
        return images;
    }

    private static float[] flatten(float[][] images) {
        float[] flat = new float[images.length * SHAPE.pixels()];
        for (int i = 0; i < images.length; i++) {
            System.arraycopy(images[i], 0, flat, i * SHAPE.pixels(), SHAPE.pixels());
        }
        return flat;
    }

    private static void assertSameRows(float[][] expected, float[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], 1e-6f, "row " + i);
        }
    }
}
