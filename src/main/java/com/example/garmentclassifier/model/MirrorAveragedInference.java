package com.example.garmentclassifier.model;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * How every model version is asked for probabilities, in serving and in evaluation alike: the
 * mean of its answers for the image and for its left-right mirror. A garment's category does not
 * depend on which way it faces (sellers' shoes point either way, the data set's mostly left),
 * and averaging both views makes the answer the same for both and more accurate.
 */
public final class MirrorAveragedInference {

    /** Width axis of the NHWC input [n, 28, 28, 1]. */
    private static final int WIDTH_AXIS = 2;

    private MirrorAveragedInference() {
    }

    public static INDArray probabilities(MultiLayerNetwork network, INDArray features) {
        long n = features.size(0);
        INDArray mirrored = Nd4j.exec(new Reverse(features, WIDTH_AXIS))[0];
        INDArray output = network.output(Nd4j.concat(0, features, mirrored), false);
        INDArray original = output.get(NDArrayIndex.interval(0, n), NDArrayIndex.all());
        INDArray flipped = output.get(NDArrayIndex.interval(n, 2 * n), NDArrayIndex.all());
        return original.add(flipped).divi(2);
    }
}
