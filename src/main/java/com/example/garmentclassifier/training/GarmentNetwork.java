package com.example.garmentclassifier.training;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The CNN: three 3x3 convolution blocks (32, 64, 128 filters, each with batch normalisation;
 * max-pooling after the first two), then a 256-unit dense layer over the whole 7x7x128 map,
 * with dropout. Convolutions cost about 7.5M multiply-adds per image, so a full Fashion-MNIST
 * epoch fits in a few minutes on two CPU cores; pooling the last map to 3x3 would drop its
 * seventh row and column and underfit.
 *
 * <p>Input is NHWC [batch, 28, 28, 1]: with one channel it is the same memory as a flat
 * row-major image, and NHWC ran faster than NCHW on this CPU backend.
 */
public final class GarmentNetwork {

    public static final CNN2DFormat FORMAT = CNN2DFormat.NHWC;
    public static final String SUMMARY =
            "conv3x3(32)-BN-ReLU-maxpool / conv3x3(64)-BN-ReLU-maxpool / conv3x3(128)-BN-ReLU"
                    + " / dropout(0.2) / dense(256)-ReLU / dropout(0.4) / softmax(10)";

    private GarmentNetwork() {
    }

    public static MultiLayerNetwork create(long seed, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(conv(32)).layer(batchNorm()).layer(pool())
                .layer(conv(64)).layer(batchNorm()).layer(pool())
                .layer(conv(128)).layer(batchNorm())
                // DL4J applies a layer's dropOut(p) to its input and p is the probability to keep.
                .layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).dropOut(0.8).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nOut(10).activation(Activation.SOFTMAX).dropOut(0.6).build())
                .setInputType(InputType.convolutional(GarmentImages.SIDE, GarmentImages.SIDE, 1, FORMAT))
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    private static ConvolutionLayer conv(int filters) {
        // Identity activation: ReLU follows batch normalisation.
        return new ConvolutionLayer.Builder(3, 3).nOut(filters).dataFormat(FORMAT)
                .activation(Activation.IDENTITY).build();
    }

    private static BatchNormalization batchNorm() {
        return new BatchNormalization.Builder().dataFormat(FORMAT).activation(Activation.RELU).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2).stride(2, 2).dataFormat(FORMAT)
                .convolutionMode(ConvolutionMode.Truncate).build();
    }
}
