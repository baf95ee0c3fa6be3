package com.example.garmentclassifier.model.onnx;

import com.example.garmentclassifier.model.engine.ImageShape;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Converts a trained DL4J {@link MultiLayerNetwork} into an ONNX model computing the same
 * inference: input {@value #INPUT} [batch, height, width, channels] (NHWC, float in [0, 1]),
 * output {@value #OUTPUT} [batch, classes]. Layers, activations or settings it cannot reproduce
 * exactly are refused with an {@link UnsupportedNetworkException} naming the layer; a refused
 * network can still be served by DL4J.
 */
public final class OnnxExporter {

    public static final String INPUT = "images";
    public static final String OUTPUT = "probabilities";
    static final String PRODUCER = "garment-classifier";

    /** The serialised ONNX ModelProto. Reads the network's parameters; does not change it. */
    public byte[] export(MultiLayerNetwork network, ImageShape image) {
        return new NetworkTranslation(network).translate(image);
    }
}
