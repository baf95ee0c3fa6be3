package com.example.garmentclassifier.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One model version in memory. {@link MultiLayerNetwork} is not thread-safe, so forward
 * passes are serialised here; each call runs a whole request's images as one batch.
 */
public class LoadedModel {

    private final ModelMetadata metadata;
    private final MultiLayerNetwork network;

    public LoadedModel(ModelMetadata metadata, MultiLayerNetwork network) {
        this.metadata = metadata;
        this.network = network;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String version() {
        return metadata.version();
    }

    /** Class probabilities, one row per input image; input is [n, 28, 28, 1] in [0, 1]. */
    public float[][] predict(INDArray features) {
        INDArray output;
        synchronized (network) {
            output = network.output(features, false);
        }
        return output.toFloatMatrix();
    }

    /** Frees the network's off-heap memory once no request uses it any more. */
    public void release() {
        synchronized (network) {
            network.close();
        }
    }
}
