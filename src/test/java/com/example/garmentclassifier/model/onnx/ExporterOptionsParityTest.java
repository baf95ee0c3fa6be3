package com.example.garmentclassifier.model.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.garmentclassifier.inference.engine.Dl4jEngine;
import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.inference.engine.OnnxRuntimeEngine;
import com.example.garmentclassifier.inference.parity.ParityCheck;
import com.example.garmentclassifier.inference.parity.ParityReport;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Layer options the committed network does not use, each checked against DL4J on random
 * networks and inputs. Batch-norm statistics are randomised with some variances near eps, so
 * an error in the normalisation formula shows.
 */
class ExporterOptionsParityTest {

    @Test
    void channelsFirstNetworkWithStridedPaddingAveragePoolingAndUnfoldableNorms() {
        CNN2DFormat nchw = CNN2DFormat.NCHW;
        ImageShape image = new ImageShape(12, 10, 3);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(3, 3).stride(2, 2).padding(1, 1).nOut(6)
                        .convolutionMode(ConvolutionMode.Truncate).dataFormat(nchw).activation(Activation.IDENTITY).build())
                // Follows an identity convolution: folded into it.
                .layer(new BatchNormalization.Builder().useLogStd(false).dataFormat(nchw).build())
                // Even kernel with Same padding and stride 2: DL4J pads unevenly.
                .layer(new ConvolutionLayer.Builder(2, 3).stride(2, 2).nOut(5)
                        .convolutionMode(ConvolutionMode.Same).dataFormat(nchw).activation(Activation.SIGMOID).build())
                // After a sigmoid: cannot fold, emitted as Mul and Add.
                .layer(new BatchNormalization.Builder().dataFormat(nchw).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(3, 3).stride(1, 1).padding(1, 1)
                        .convolutionMode(ConvolutionMode.Truncate).avgPoolIncludePadInDivisor(true).dataFormat(nchw).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.AVG).kernelSize(2, 2).stride(1, 1)
                        .convolutionMode(ConvolutionMode.Same).dataFormat(nchw).build())
                .layer(new DropoutLayer.Builder(0.5).build())
                .layer(new DenseLayer.Builder().nOut(12).activation(Activation.TANH).build())
                .layer(new BatchNormalization.Builder().build())
                .layer(new DenseLayer.Builder().nOut(9).activation(Activation.SIGMOID).build())
                .layer(new DenseLayer.Builder().nOut(8).activation(Activation.IDENTITY).build())
                .layer(new BatchNormalization.Builder().useLogStd(false).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(image.height(), image.width(), image.channels(), nchw))
                .build();

        assertMatchesDl4j(conf, image);
    }

    @Test
    void channelsLastNetworkWithDilationMaxPoolingPaddingAndNoBias() {
        CNN2DFormat nhwc = CNN2DFormat.NHWC;
        ImageShape image = new ImageShape(17, 13, 2);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(12).weightInit(WeightInit.XAVIER).list()
                .layer(new ConvolutionLayer.Builder(5, 5).stride(2, 2).dilation(2, 2).nOut(4).hasBias(false)
                        .convolutionMode(ConvolutionMode.Same).dataFormat(nhwc).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(3, 3).stride(2, 2)
                        .convolutionMode(ConvolutionMode.Same).dataFormat(nhwc).build())
                .layer(new ConvolutionLayer.Builder(2, 2).nOut(6)
                        .convolutionMode(ConvolutionMode.Truncate).dataFormat(nhwc).activation(Activation.IDENTITY).build())
                // DL4J ignores a batch norm's activation; so must the export.
                .layer(new BatchNormalization.Builder().dataFormat(nhwc).activation(Activation.SIGMOID).build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).padding(1, 1)
                        .convolutionMode(ConvolutionMode.Truncate).dataFormat(nhwc).build())
                .layer(new DenseLayer.Builder().nOut(10).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(3).hasBias(false).activation(Activation.IDENTITY).build())
                .setInputType(InputType.convolutional(image.height(), image.width(), image.channels(), nhwc))
                .build();

        assertMatchesDl4j(conf, image);
    }

    private static void assertMatchesDl4j(MultiLayerConfiguration conf, ImageShape image) {
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        randomiseNormalisationStatistics(network, new SplittableRandom(5));
        byte[] onnx = new OnnxExporter().export(network, image);

        ParityReport report;
        try (Dl4jEngine dl4j = new Dl4jEngine(network, image);
             OnnxRuntimeEngine ort = new OnnxRuntimeEngine(onnx, image, 1)) {
            report = ParityCheck.compare(dl4j, ort, randomImages(image, 96, new SplittableRandom(6)));
        }

        System.out.println(report.summary());
        assertTrue(report.passed(), report.summary());
    }

    /** A fresh network's statistics (mean 0, std 1) would hide a wrong formula. */
    private static void randomiseNormalisationStatistics(MultiLayerNetwork network, SplittableRandom random) {
        for (int i = 0; i < network.getnLayers(); i++) {
            if (!(network.getLayerWiseConfigurations().getConf(i).getLayer() instanceof BatchNormalization norm)) {
                continue;
            }
            org.deeplearning4j.nn.api.Layer layer = network.getLayer(i);
            fill(layer.getParam("gamma"), () -> random.nextDouble(0.5, 1.5));
            fill(layer.getParam("beta"), () -> random.nextDouble(-0.5, 0.5));
            fill(layer.getParam("mean"), () -> random.nextDouble(-0.3, 0.3));
            // Standard deviations from 0.003 (variance 1e-5, as large as eps) to 2.
            if (norm.isUseLogStd()) {
                fill(layer.getParam("log10stdev"), () -> random.nextDouble(-2.5, 0.3));
            } else {
                fill(layer.getParam("var"), () -> Math.pow(10, 2 * random.nextDouble(-2.5, 0.3)));
            }
        }
    }

    private static void fill(INDArray parameter, java.util.function.DoubleSupplier values) {
        double[] filled = new double[(int) parameter.length()];
        for (int i = 0; i < filled.length; i++) {
            filled[i] = values.getAsDouble();
        }
        parameter.assign(Nd4j.create(filled).reshape(parameter.shape()).castTo(parameter.dataType()));
    }

    private static float[][] randomImages(ImageShape image, int count, SplittableRandom random) {
        float[][] images = new float[count][image.pixels()];
        for (float[] values : images) {
            for (int p = 0; p < values.length; p++) {
                values[p] = (float) random.nextDouble();
            }
        }
        return images;
    }
}
