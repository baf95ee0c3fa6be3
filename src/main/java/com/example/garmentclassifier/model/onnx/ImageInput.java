package com.example.garmentclassifier.model.onnx;

import com.example.garmentclassifier.inference.engine.ImageShape;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/**
 * The network's image input: which layout DL4J keeps its image activations in (set by the first layer,
 * one for the whole network), and the graph's conversion of the NHWC input to the channels-first
 * tensors it works with throughout.
 */
final class ImageInput {

    private ImageInput() {
    }

    /** DL4J's layout of image activations, as the network's first layer declares it. */
    static CNN2DFormat formatOf(Layer first) {
        if (first instanceof ConvolutionLayer conv && first.getClass() == ConvolutionLayer.class) {
            return conv.getCnn2dDataFormat();
        }
        if (first instanceof SubsamplingLayer pool && first.getClass() == SubsamplingLayer.class) {
            return pool.getCnn2dDataFormat();
        }
        if (first instanceof BatchNormalization norm) {
            return norm.getCnn2DFormat();
        }
        throw UnsupportedNetworkException.atLayer(0, first,
                "the first layer must take images (convolution, subsampling or batch normalisation)");
    }

    /** Emits the node turning the graph's NHWC input into NCHW; returns the new tensor. */
    static String toChannelsFirst(OnnxGraph graph, String input, ImageShape image) {
        if (image.channels() == 1) {
            // With one channel NHWC and NCHW hold the same bytes: a reshape, no copy.
            String target = graph.longs("nchw_shape", 0, 1, image.height(), image.width());
            return graph.node("Reshape", "to_nchw", List.of(input, target));
        }
        return graph.node("Transpose", "to_nchw", List.of(input), OnnxGraph.ints("perm", 0, 3, 1, 2));
    }
}
