package com.example.garmentclassifier.model.onnx;

import com.example.garmentclassifier.inference.engine.ImageShape;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Converts trained DL4J {@link MultiLayerNetwork}s into an ONNX model computing the same
 * inference: input {@value #INPUT} [batch, height, width, channels] (NHWC, float in [0, 1]),
 * output {@value #OUTPUT} [batch, classes]. An ensemble becomes one graph whose output is the
 * mean of its members' probabilities, so clients that take the model to their own runtime get
 * exactly what the service serves. Layers, activations or settings it cannot reproduce exactly
 * are refused with an {@link UnsupportedNetworkException} naming the layer; a refused network can
 * still be served by DL4J.
 */
public final class OnnxExporter {

    public static final String INPUT = "images";
    public static final String OUTPUT = "probabilities";
    static final String PRODUCER = "garment-classifier";

    /** The serialised ONNX ModelProto. Reads the network's parameters; does not change it. */
    public byte[] export(MultiLayerNetwork network, ImageShape image) {
        return export(List.of(network), image);
    }

    /** One model averaging the members' probabilities (a single member is exported as it is). */
    public byte[] export(List<MultiLayerNetwork> members, ImageShape image) {
        if (members.isEmpty()) {
            throw new UnsupportedNetworkException("an ensemble needs at least one network");
        }
        OnnxGraph graph = new OnnxGraph(PRODUCER);
        graph.batchInput(INPUT, image.height(), image.width(), image.channels());
        List<String> outputs = new ArrayList<>();
        long classes = -1;
        for (MultiLayerNetwork member : members) {
            NetworkTranslation.Output output = new NetworkTranslation(member, graph).emit(INPUT, image);
            if (classes >= 0 && output.classes() != classes) {
                throw new UnsupportedNetworkException("ensemble members disagree on the number of classes ("
                        + classes + " and " + output.classes() + ")");
            }
            classes = output.classes();
            outputs.add(output.tensor());
        }
        graph.node(outputs.size() == 1 ? "Identity" : "Mean", outputs, OUTPUT);
        graph.batchOutput(OUTPUT, classes);
        return graph.toModelBytes(PRODUCER);
    }
}
