package com.example.garmentclassifier.training;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
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
    /** As DL4J 1.0.0-M2.1 runs it: the ReLU configured on batch normalisation is never applied. */
    public static final String SUMMARY =
            "conv3x3(32)-BN-maxpool / conv3x3(64)-BN-maxpool / conv3x3(128)-BN"
                    + " / dropout(0.2) / dense(256)-ReLU / dropout(0.4) / softmax(10)";
    public static final String SUMMARY_FAST =
            "conv3x3(32)-BN-ReLU-maxpool / conv3x3(64)-BN-ReLU-maxpool / conv3x3(128)-BN-ReLU"
                    + " / dropout(0.2) / dense(256)-ReLU / dropout(0.4) / softmax(10)";

    /** Which network and schedule a training run uses. */
    public enum Recipe {
        /** The committed models' recipe: no ReLU after batch normalisation, cosine decay per epoch. */
        BASELINE,
        /**
         * ReLU after each batch normalisation, DL4J's activation cache, a one-cycle learning rate per
         * iteration (warm-up, then cosine decay), and per-epoch evaluation on ONNX Runtime.
         */
        FAST,
        /**
         * The fast recipe, with images also turned by up to 15 degrees and scaled by 0.9-1.1 in training
         * (half of them): uploads are rarely as straight as the data set's images.
         */
        ROBUST,
        /**
         * The robust recipe, with a random rectangle of half the images also replaced by noise (random
         * erasing): a network that cannot count on every part of a garment being visible relies on more
         * of its evidence, as uploads with a hand, a tag or a crop in the way need.
         */
        ERASING,
        /**
         * The robust recipe's network and augmentation, trained on a teacher's class probabilities for each
         * augmented image mixed with the label ({@link Distillation}): one network that learns what an
         * ensemble knows, at one network's serving cost.
         */
        DISTILL;

        /** Whether the network has ReLU layers after batch normalisation and the one-cycle schedule. */
        public boolean fast() {
            return this != BASELINE;
        }

        /** Whether training turns and scales half the images. */
        public boolean turns() {
            return this == ROBUST || this == ERASING || this == DISTILL;
        }

        /** Whether training replaces a rectangle of half the images by noise. */
        public boolean erases() {
            return this == ERASING;
        }

        /** Whether training targets mix a teacher's probabilities with the labels ({@link Distillation}). */
        public boolean distills() {
            return this == DISTILL;
        }
    }

    /** The summary of a network built here (a warm start keeps the architecture it started from). */
    public static String summaryOf(MultiLayerNetwork network) {
        boolean reluLayers = network.getLayerWiseConfigurations().getConfs().stream()
                .anyMatch(conf -> conf.getLayer() instanceof ActivationLayer);
        return reluLayers ? SUMMARY_FAST : SUMMARY;
    }

    private GarmentNetwork() {
    }

    /** The committed models' network: no ReLU after batch normalisation (see {@link Recipe#BASELINE}). */
    public static MultiLayerNetwork create(long seed, double learningRate) {
        return create(seed, learningRate, Recipe.BASELINE);
    }

    public static MultiLayerNetwork create(long seed, double learningRate, Recipe recipe) {
        boolean fast = recipe.fast();
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .convolutionMode(ConvolutionMode.Same)
                // Keeps activations for the backward pass instead of recomputing them: about 1.25x per step.
                .cacheMode(fast ? CacheMode.DEVICE : CacheMode.NONE)
                .list();
        for (int filters : new int[] {32, 64, 128}) {
            list.layer(conv(filters)).layer(batchNorm());
            if (fast) {
                // DL4J 1.0.0-M2.1 ignores a BatchNormalization layer's own activation, so the ReLU the
                // baseline configures there never ran: here it is a layer of its own.
                list.layer(new ActivationLayer.Builder().activation(Activation.RELU).build());
            }
            if (filters < 128) {
                list.layer(pool());
            }
        }
        MultiLayerConfiguration conf = list
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
        // Identity activation: batch normalisation follows.
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
