package com.example.garmentclassifier.model.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.example.garmentclassifier.inference.engine.ImageShape;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration.ListBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.LocalResponseNormalization;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** What the exporter cannot reproduce exactly is refused, naming the layer, never exported wrong. */
class UnsupportedNetworkTest {

    private static final CNN2DFormat NHWC = CNN2DFormat.NHWC;

    @Test
    void localResponseNormalisationIsRefusedByIndexAndType() {
        MultiLayerNetwork network = garmentNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(conv(ConvolutionMode.Same))
                .layer(new LocalResponseNormalization.Builder().dataFormat(NHWC).build()));

        assertRefused(network, "layer 1 (LocalResponseNormalization)");
    }

    @Test
    void recurrentLayerIsRefused() {
        MultiLayerNetwork network = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new LSTM.Builder().nOut(4).build())
                .layer(new RnnOutputLayer.Builder(LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(3))
                .build());
        network.init();

        assertRefused(network, "layer 0 (LSTM)");
    }

    @Test
    void activationWithoutAnExactOnnxOpIsRefused() {
        MultiLayerNetwork network = garmentNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(conv(ConvolutionMode.Same))
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.ELU).build()));

        assertRefused(network, "layer 1 (DenseLayer)", "activation");
    }

    @Test
    void clippedReluIsRefusedRatherThanExportedAsPlainRelu() {
        MultiLayerNetwork network = garmentNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(conv(ConvolutionMode.Same))
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU6).build()));

        assertRefused(network, "layer 1 (DenseLayer)", "activation");
    }

    @Test
    void convolutionSubclassIsRefused() {
        MultiLayerNetwork network = garmentNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new Deconvolution2D.Builder(3, 3).nOut(4).dataFormat(NHWC).convolutionMode(ConvolutionMode.Same).build()));

        assertRefused(network, "layer 0 (Deconvolution2D)");
    }

    @Test
    void strictConvolutionModeIsRefused() {
        MultiLayerNetwork network = garmentNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(conv(ConvolutionMode.Same))
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(4).dataFormat(NHWC)
                        .convolutionMode(ConvolutionMode.Strict).build()));

        assertRefused(network, "layer 1 (ConvolutionLayer)", "Strict");
    }

    @Test
    void pnormPoolingIsRefused() {
        MultiLayerNetwork network = garmentNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(conv(ConvolutionMode.Same))
                .layer(new SubsamplingLayer.Builder(PoolingType.PNORM).pnorm(2).kernelSize(2, 2).stride(2, 2)
                        .dataFormat(NHWC).build()));

        assertRefused(network, "layer 1 (SubsamplingLayer)", "PNORM");
    }

    private static ConvolutionLayer conv(ConvolutionMode mode) {
        return new ConvolutionLayer.Builder(3, 3).nOut(4).dataFormat(NHWC).convolutionMode(mode).build();
    }

    /** Completes the list with a softmax output over 28x28x1 NHWC images. */
    private static MultiLayerNetwork garmentNetwork(ListBuilder layers) {
        MultiLayerNetwork network = new MultiLayerNetwork(layers
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(28, 28, 1, NHWC))
                .build());
        network.init();
        return network;
    }

    private static void assertRefused(MultiLayerNetwork network, String... messageParts) {
        UnsupportedNetworkException refusal = assertThrows(UnsupportedNetworkException.class,
                () -> new OnnxExporter().export(network, ImageShape.GARMENT));
        assertThat(refusal.getMessage()).contains(messageParts);
    }
}
