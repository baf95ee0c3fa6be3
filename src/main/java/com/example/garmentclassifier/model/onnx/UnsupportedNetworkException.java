package com.example.garmentclassifier.model.onnx;

import org.deeplearning4j.nn.conf.layers.Layer;

/** The network uses something the ONNX exporter cannot reproduce exactly; it must stay on DL4J. */
public class UnsupportedNetworkException extends RuntimeException {

    public UnsupportedNetworkException(String message) {
        super(message);
    }

    /** Names the offending layer by index and DL4J type, e.g. "layer 3 (LSTM): ...". */
    public static UnsupportedNetworkException atLayer(int index, Layer layer, String reason) {
        return new UnsupportedNetworkException(
                "layer " + index + " (" + layer.getClass().getSimpleName() + "): " + reason);
    }
}
