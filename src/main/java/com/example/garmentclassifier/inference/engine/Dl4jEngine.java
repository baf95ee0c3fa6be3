package com.example.garmentclassifier.inference.engine;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a {@link MultiLayerNetwork} in DL4J itself: the reference every other engine is checked
 * against, and the fallback when no converted model is available.
 */
public final class Dl4jEngine implements InferenceEngine {

    private final MultiLayerNetwork network;
    private final ImageShape shape;
    private final boolean channelsFirst;
    private boolean closed;

    public Dl4jEngine(MultiLayerNetwork network, ImageShape shape) {
        this.network = network;
        this.shape = shape;
        this.channelsFirst = firstLayerFormat(network) == CNN2DFormat.NCHW;
    }

    /** The network itself, for training a private copy (warm start); never change it in place. */
    public MultiLayerNetwork network() {
        return network;
    }

    @Override
    public float[][] predict(float[][] images) {
        if (images.length == 0) {
            return new float[0][];
        }
        INDArray input = toInput(images);
        // MultiLayerNetwork keeps per-call state in its layers, so forward passes must not overlap.
        synchronized (network) {
            if (closed) {
                throw new IllegalStateException("the DL4J engine was closed");
            }
            return network.output(input, false).toFloatMatrix();
        }
    }

    @Override
    public String name() {
        return "dl4j";
    }

    @Override
    public void close() {
        synchronized (network) {
            if (!closed) {
                closed = true;
                network.close();
            }
        }
    }

    private INDArray toInput(float[][] images) {
        int pixels = shape.pixels();
        float[] flat = new float[images.length * pixels];
        for (int i = 0; i < images.length; i++) {
            if (images[i].length != pixels) {
                throw new IllegalArgumentException("image " + i + " has " + images[i].length
                        + " values, expected " + pixels + " for " + shape);
            }
            System.arraycopy(images[i], 0, flat, i * pixels, pixels);
        }
        INDArray nhwc = Nd4j.create(flat, new long[] {images.length, shape.height(), shape.width(), shape.channels()}, 'c');
        // Images arrive as (h, w, c); a network whose first layer is NCHW expects channels first.
        return channelsFirst ? nhwc.permute(0, 3, 1, 2).dup('c') : nhwc;
    }

    private static CNN2DFormat firstLayerFormat(MultiLayerNetwork network) {
        Layer first = network.getLayerWiseConfigurations().getConf(0).getLayer();
        if (first instanceof ConvolutionLayer conv) {
            return conv.getCnn2dDataFormat();
        }
        if (first instanceof SubsamplingLayer pool) {
            return pool.getCnn2dDataFormat();
        }
        if (first instanceof BatchNormalization norm) {
            return norm.getCnn2DFormat();
        }
        return CNN2DFormat.NHWC;
    }
}
