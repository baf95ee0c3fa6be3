package com.example.garmentclassifier.model.onnx;

import com.example.garmentclassifier.model.onnx.LayerShape.FeatureMap;
import java.util.ArrayList;
import java.util.List;
import onnx.Onnx.AttributeProto;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;

/** A DL4J max or average {@link SubsamplingLayer} as ONNX MaxPool / AveragePool over NCHW. */
final class PoolingNode {

    private PoolingNode() {
    }

    /** The feature map the layer produces from {@code input}; refuses what ONNX cannot match. */
    static FeatureMap output(int index, SubsamplingLayer layer, FeatureMap input) {
        WindowGeometry geometry = geometry(index, layer, input);
        return new FeatureMap(input.channels(), geometry.outHeight(), geometry.outWidth());
    }

    static String emit(OnnxGraph graph, int index, SubsamplingLayer layer, FeatureMap input, String tensor) {
        WindowGeometry geometry = geometry(index, layer, input);
        int[] kernel = layer.getKernelSize();
        int[] stride = layer.getStride();
        List<AttributeProto> attributes = new ArrayList<>(List.of(
                OnnxGraph.ints("kernel_shape", kernel[0], kernel[1]),
                OnnxGraph.ints("strides", stride[0], stride[1]),
                OnnxGraph.ints("pads", geometry.pads())));
        String op = "MaxPool";
        if (layer.getPoolingType() == PoolingType.AVG) {
            op = "AveragePool";
            attributes.add(OnnxGraph.integer("count_include_pad", layer.isAvgPoolIncludePadInDivisor() ? 1 : 0));
        }
        return graph.node(op, "layer" + index + "_pool", List.of(tensor), attributes.toArray(AttributeProto[]::new));
    }

    private static WindowGeometry geometry(int index, SubsamplingLayer layer, FeatureMap input) {
        PoolingType type = layer.getPoolingType();
        if (type != PoolingType.MAX && type != PoolingType.AVG) {
            throw UnsupportedNetworkException.atLayer(index, layer, type + " pooling is not supported (only MAX and AVG)");
        }
        ConvolutionMode mode = layer.getConvolutionMode();
        if (mode != ConvolutionMode.Same && mode != ConvolutionMode.Truncate) {
            throw UnsupportedNetworkException.atLayer(index, layer, "convolution mode " + mode
                    + " is not supported (only Same and Truncate)");
        }
        int[] dilation = layer.getDilation();
        if (dilation[0] != 1 || dilation[1] != 1) {
            throw UnsupportedNetworkException.atLayer(index, layer, "dilated pooling is not supported");
        }
        WindowGeometry geometry = WindowGeometry.of(input.height(), input.width(), layer.getKernelSize(),
                layer.getStride(), dilation, layer.getPadding(), mode);
        if (geometry.isEmpty()) {
            throw UnsupportedNetworkException.atLayer(index, layer, "leaves no output for a "
                    + input.height() + "x" + input.width() + " input");
        }
        return geometry;
    }
}
