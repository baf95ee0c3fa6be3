package com.example.garmentclassifier.model.onnx;

import com.example.garmentclassifier.inference.engine.ImageShape;
import com.example.garmentclassifier.model.onnx.LayerShape.FeatureMap;
import com.example.garmentclassifier.model.onnx.LayerShape.FeatureVector;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.IActivation;

/**
 * One network's part of an export: walks the network's layers in order, keeping track of the
 * current tensor and its shape, and emits into a shared graph the ONNX nodes that compute what
 * DL4J computes at inference. The graph works channels-first throughout; DL4J's own layout only
 * matters where it flattens before a dense layer.
 */
final class NetworkTranslation {

    private final MultiLayerNetwork network;
    private final MultiLayerConfiguration configuration;
    private final OnnxGraph graph;
    /** DL4J's layout of image activations; one for the whole network. */
    private CNN2DFormat format;
    private String tensor;
    private LayerShape shape;
    /** A linear layer not yet in the graph, waiting for a batch normalisation to fold in. */
    private AffineStage pending;

    NetworkTranslation(MultiLayerNetwork network, OnnxGraph graph) {
        this.network = network;
        this.configuration = network.getLayerWiseConfigurations();
        this.graph = graph;
    }

    /** The network's output as a value of the graph. */
    record Output(String tensor, long classes) {
    }

    /** Emits the network's nodes reading the graph's image input {@code input} (NHWC). */
    Output emit(String input, ImageShape image) {
        if (network.getnLayers() == 0) {
            throw new UnsupportedNetworkException("the network has no layers");
        }
        format = ImageInput.formatOf(configuration.getConf(0).getLayer());
        tensor = ImageInput.toChannelsFirst(graph, input, image);
        shape = new FeatureMap(image.channels(), image.height(), image.width());
        for (int index = 0; index < network.getnLayers(); index++) {
            translateLayer(index, configuration.getConf(index).getLayer());
        }
        flush();
        if (!(shape instanceof FeatureVector classes)) {
            throw new UnsupportedNetworkException("the network must end in a dense or output layer, not " + shape);
        }
        return new Output(tensor, classes.size());
    }

    private void translateLayer(int index, Layer layer) {
        InputPreProcessor preprocessor = configuration.getInputPreProcess(index);
        if (preprocessor != null && !(preprocessor.getClass() == CnnToFeedForwardPreProcessor.class && isDense(layer))) {
            throw UnsupportedNetworkException.atLayer(index, layer, "input preprocessor "
                    + preprocessor.getClass().getSimpleName() + " is not supported");
        }
        if (layer instanceof BaseLayer base && base.getWeightNoise() != null) {
            throw UnsupportedNetworkException.atLayer(index, layer, "weight noise is not supported");
        }
        Class<?> type = layer.getClass();
        if (type == ConvolutionLayer.class) {
            convolution(index, (ConvolutionLayer) layer);
        } else if (type == BatchNormalization.class) {
            batchNormalization(index, (BatchNormalization) layer);
        } else if (type == SubsamplingLayer.class) {
            pooling(index, (SubsamplingLayer) layer);
        } else if (type == ActivationLayer.class) {
            IActivation function = ((ActivationLayer) layer).getActivationFn();
            ActivationOp activation = ActivationOp.of(function).filter(op -> op != ActivationOp.SOFTMAX)
                    .orElseThrow(() -> UnsupportedNetworkException.atLayer(index, layer, "activation " + function
                            + " is not supported (only identity, relu, sigmoid, tanh)"));
            flush();
            tensor = activation.apply(graph, "layer" + index + "_act", tensor);
        } else if (isDense(layer)) {
            dense(index, (FeedForwardLayer) layer, (CnnToFeedForwardPreProcessor) preprocessor);
        } else if (type != DropoutLayer.class) {
            // Dropout (as a layer or a layer's setting) only acts in training, so it emits nothing.
            throw UnsupportedNetworkException.atLayer(index, layer, "layer type is not supported");
        }
    }

    private void convolution(int index, ConvolutionLayer layer) {
        FeatureMap input = featureMapInput(index, layer, layer.getCnn2dDataFormat());
        ActivationOp activation = activation(index, layer);
        flush();
        ConvolutionStage stage = ConvolutionStage.of(index, layer, parameters(index), input);
        shape = stage.output();
        hold(stage, activation, index);
    }

    private void batchNormalization(int index, BatchNormalization layer) {
        int channels = shape instanceof FeatureMap ? featureMapInput(index, layer, layer.getCnn2DFormat()).channels()
                : ((FeatureVector) shape).size();
        if (layer.getNOut() != channels) {
            throw UnsupportedNetworkException.atLayer(index, layer, "normalises " + layer.getNOut()
                    + " channels but receives " + channels);
        }
        BatchNormAffine norm = BatchNormAffine.of(index, layer, parameters(index), channels);
        // The layer's configured activation is deliberately not emitted: DL4J 1.0.0-M2.1's
        // BatchNormalization.activate() returns the normalised values without applying it.
        if (pending != null) {
            pending = pending.followedBy(norm);
        } else {
            tensor = scaleAndShift(index, norm);
        }
    }

    private void pooling(int index, SubsamplingLayer layer) {
        FeatureMap input = featureMapInput(index, layer, layer.getCnn2dDataFormat());
        flush();
        tensor = PoolingNode.emit(graph, index, layer, input, tensor);
        shape = PoolingNode.output(index, layer, input);
    }

    private void dense(int index, FeedForwardLayer layer, CnnToFeedForwardPreProcessor flattening) {
        if (layer instanceof DenseLayer denseLayer && denseLayer.hasLayerNorm()) {
            throw UnsupportedNetworkException.atLayer(index, layer, "layer normalisation is not supported");
        }
        ActivationOp activation = activation(index, layer);
        flush();
        int[] rowOrder = null;
        if (flattening != null) {
            FeatureMap input = featureMapInput(index, layer, flattening.getFormat());
            Flattening.check(index, layer, flattening, input);
            tensor = graph.node("Flatten", "layer" + index + "_flatten", List.of(tensor), OnnxGraph.integer("axis", 1));
            rowOrder = Flattening.rowOrder(format, input);
            shape = new FeatureVector(input.size());
        }
        if (!(shape instanceof FeatureVector features)) {
            throw UnsupportedNetworkException.atLayer(index, layer, "receives image features without a CnnToFeedForwardPreProcessor");
        }
        if (layer.getNIn() != features.size()) {
            throw UnsupportedNetworkException.atLayer(index, layer, "expects " + layer.getNIn()
                    + " inputs but receives " + features.size());
        }
        int outputs = Math.toIntExact(layer.getNOut());
        LayerParameters parameters = parameters(index);
        double[] weights = parameters.get("W", features.size(), outputs);
        double[] bias = hasBias(layer) ? parameters.get("b", outputs) : new double[outputs];
        shape = new FeatureVector(outputs);
        hold(DenseStage.of("layer" + index + "_dense", weights, bias, features.size(), outputs, rowOrder),
                activation, index);
    }

    /** Keeps a linear stage back while its activation is identity, else emits it now. */
    private void hold(AffineStage stage, ActivationOp activation, int index) {
        pending = stage;
        if (activation != ActivationOp.IDENTITY) {
            flush();
            tensor = activation.apply(graph, "layer" + index + "_act", tensor);
        }
    }

    private void flush() {
        if (pending != null) {
            tensor = pending.emit(graph, tensor);
            pending = null;
        }
    }

    /** A batch normalisation that cannot be folded: per-channel Mul and Add. */
    private String scaleAndShift(int index, BatchNormAffine norm) {
        long[] dims = shape instanceof FeatureMap ? new long[] {norm.channels(), 1, 1} : new long[] {norm.channels()};
        String name = "layer" + index + "_norm";
        String scale = graph.floats(name + "_scale", AffineStage.toFloats(norm.scale()), dims);
        String shift = graph.floats(name + "_shift", AffineStage.toFloats(norm.shift()), dims);
        String scaled = graph.node("Mul", name + "_mul", List.of(tensor, scale));
        return graph.node("Add", name + "_add", List.of(scaled, shift));
    }

    private ActivationOp activation(int index, BaseLayer layer) {
        ActivationOp activation = ActivationOp.of(layer.getActivationFn()).orElseThrow(() ->
                UnsupportedNetworkException.atLayer(index, layer, "activation " + layer.getActivationFn()
                        + " is not supported (only identity, relu, sigmoid, tanh, softmax)"));
        if (activation == ActivationOp.SOFTMAX && layer instanceof ConvolutionLayer) {
            throw UnsupportedNetworkException.atLayer(index, layer, "softmax over image features is not supported");
        }
        return activation;
    }

    private FeatureMap featureMapInput(int index, Layer layer, CNN2DFormat layerFormat) {
        if (!(shape instanceof FeatureMap map)) {
            throw UnsupportedNetworkException.atLayer(index, layer, "needs image features but receives " + shape);
        }
        if (layerFormat != format) {
            throw UnsupportedNetworkException.atLayer(index, layer, "uses data format " + layerFormat
                    + " but the network's images are " + format + "; mixed formats are not supported");
        }
        return map;
    }

    private static boolean isDense(Layer layer) {
        return layer.getClass() == DenseLayer.class || layer.getClass() == OutputLayer.class;
    }

    private static boolean hasBias(FeedForwardLayer layer) {
        return layer instanceof DenseLayer dense ? dense.hasBias() : ((BaseOutputLayer) layer).hasBias();
    }

    private LayerParameters parameters(int index) {
        return new LayerParameters(index, network.getLayer(index));
    }
}
