package com.example.garmentclassifier.model.onnx;

import com.example.garmentclassifier.model.onnx.LayerShape.FeatureMap;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;

/**
 * A DL4J {@link ConvolutionLayer} as an ONNX Conv over NCHW. DL4J keeps the kernel as
 * [out, in, kH, kW] whatever the layer's data format, which is exactly ONNX's layout.
 *
 * @param weights row-major [out, in, kH, kW]
 */
record ConvolutionStage(String name, double[] weights, double[] bias, FeatureMap input, FeatureMap output,
                        int[] kernel, int[] stride, int[] dilation, long[] pads) implements AffineStage {

    static ConvolutionStage of(int index, ConvolutionLayer layer, LayerParameters parameters, FeatureMap input) {
        ConvolutionMode mode = layer.getConvolutionMode();
        if (mode != ConvolutionMode.Same && mode != ConvolutionMode.Truncate) {
            throw UnsupportedNetworkException.atLayer(index, layer, "convolution mode " + mode
                    + " is not supported (only Same and Truncate)");
        }
        if (layer.getNIn() != input.channels()) {
            throw UnsupportedNetworkException.atLayer(index, layer, "expects " + layer.getNIn()
                    + " input channels but receives " + input.channels());
        }
        int[] kernel = layer.getKernelSize();
        WindowGeometry geometry = WindowGeometry.of(input.height(), input.width(), kernel, layer.getStride(),
                layer.getDilation(), layer.getPadding(), mode);
        if (geometry.isEmpty()) {
            throw UnsupportedNetworkException.atLayer(index, layer, "leaves no output for a "
                    + input.height() + "x" + input.width() + " input");
        }
        int outChannels = Math.toIntExact(layer.getNOut());
        double[] weights = parameters.get("W", outChannels, input.channels(), kernel[0], kernel[1]);
        double[] bias = layer.hasBias() ? parameters.get("b", outChannels) : new double[outChannels];
        FeatureMap output = new FeatureMap(outChannels, geometry.outHeight(), geometry.outWidth());
        return new ConvolutionStage("layer" + index + "_conv", weights, bias, input, output,
                kernel, layer.getStride(), layer.getDilation(), geometry.pads());
    }

    @Override
    public AffineStage followedBy(BatchNormAffine norm) {
        int perOutput = weights.length / outputs();
        double[] scaled = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            scaled[i] = weights[i] * norm.scale()[i / perOutput];
        }
        return new ConvolutionStage(name, scaled, AffineStage.foldedBias(bias, norm), input, output,
                kernel, stride, dilation, pads);
    }

    @Override
    public int outputs() {
        return output.channels();
    }

    @Override
    public String emit(OnnxGraph graph, String in) {
        String w = graph.floats(name + "_W", AffineStage.toFloats(weights),
                outputs(), input.channels(), kernel[0], kernel[1]);
        String b = graph.floats(name + "_b", AffineStage.toFloats(bias), outputs());
        return graph.node("Conv", name, List.of(in, w, b),
                OnnxGraph.ints("kernel_shape", kernel[0], kernel[1]),
                OnnxGraph.ints("strides", stride[0], stride[1]),
                OnnxGraph.ints("dilations", dilation[0], dilation[1]),
                OnnxGraph.ints("pads", pads),
                OnnxGraph.integer("group", 1));
    }
}
