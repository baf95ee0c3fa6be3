package com.example.garmentclassifier.model.onnx;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One trained layer's parameters, read as row-major doubles so that folding loses nothing. */
final class LayerParameters {

    private final int index;
    private final Layer layer;

    LayerParameters(int index, Layer layer) {
        this.index = index;
        this.layer = layer;
    }

    /** The parameter's values in row-major order of its DL4J shape, checked against {@code shape}. */
    double[] get(String key, long... shape) {
        INDArray value = layer.paramTable().get(key);
        if (value == null) {
            throw UnsupportedNetworkException.atLayer(index, layer.conf().getLayer(), "has no parameter '" + key + "'");
        }
        if (!Arrays.equals(squeezed(value.shape()), squeezed(shape))) {
            throw UnsupportedNetworkException.atLayer(index, layer.conf().getLayer(), "parameter '" + key
                    + "' has shape " + Arrays.toString(value.shape()) + ", expected " + Arrays.toString(shape));
        }
        // Parameters are views into one flat buffer, often in 'f' order: copy out row-major.
        return value.castTo(DataType.DOUBLE).dup('c').reshape(value.length()).toDoubleVector();
    }

    /** DL4J stores per-channel vectors as [1, n] or [n]; compare without the unit dimensions. */
    private static long[] squeezed(long[] shape) {
        return Arrays.stream(shape).filter(dim -> dim != 1).toArray();
    }
}
