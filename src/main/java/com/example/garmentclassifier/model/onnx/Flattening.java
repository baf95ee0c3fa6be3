package com.example.garmentclassifier.model.onnx;

import com.example.garmentclassifier.model.onnx.LayerShape.FeatureMap;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;

/**
 * Where image features become a vector before a dense layer. The graph flattens channels-first; DL4J
 * flattens in its own layout, so with channels-last activations the dense layer's weight rows come
 * in another order, which the graph must follow.
 */
final class Flattening {

    private Flattening() {
    }

    /** Refuses a flattening configured for another shape than the features that reach it. */
    static void check(int index, Layer layer, CnnToFeedForwardPreProcessor flattening, FeatureMap input) {
        if (flattening.getInputHeight() != input.height() || flattening.getInputWidth() != input.width()
                || flattening.getNumChannels() != input.channels()) {
            throw UnsupportedNetworkException.atLayer(index, layer, "flattens " + flattening.getInputHeight() + "x"
                    + flattening.getInputWidth() + "x" + flattening.getNumChannels() + " but receives " + input);
        }
    }

    /**
     * For each graph feature, the DL4J feature (dense weight row) it corresponds to; {@code null} when
     * they are the same, as they are for channels-first activations.
     */
    static int[] rowOrder(CNN2DFormat format, FeatureMap map) {
        return format == CNN2DFormat.NHWC ? channelsLastRows(map) : null;
    }

    /** DL4J flattens NHWC activations in (h, w, c) order; the graph flattens NCHW in (c, h, w). */
    private static int[] channelsLastRows(FeatureMap map) {
        int[] rows = new int[map.size()];
        int feature = 0;
        for (int c = 0; c < map.channels(); c++) {
            for (int h = 0; h < map.height(); h++) {
                for (int w = 0; w < map.width(); w++) {
                    rows[feature++] = (h * map.width() + w) * map.channels() + c;
                }
            }
        }
        return rows;
    }
}
