package com.example.garmentclassifier.model.onnx;

import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** The DL4J activations with an exact ONNX equivalent. */
enum ActivationOp {
    IDENTITY(null),
    RELU("Relu"),
    SIGMOID("Sigmoid"),
    TANH("Tanh"),
    /** Over the features of a [batch, features] tensor, as DL4J applies it to dense outputs. */
    SOFTMAX("Softmax");

    private final String onnxOp;

    ActivationOp(String onnxOp) {
        this.onnxOp = onnxOp;
    }

    static Optional<ActivationOp> of(IActivation activation) {
        if (activation instanceof ActivationIdentity) {
            return Optional.of(IDENTITY);
        }
        if (activation instanceof ActivationReLU relu) {
            return isPlainRelu(relu) ? Optional.of(RELU) : Optional.empty();
        }
        if (activation instanceof ActivationSigmoid) {
            return Optional.of(SIGMOID);
        }
        if (activation instanceof ActivationTanH) {
            return Optional.of(TANH);
        }
        if (activation instanceof ActivationSoftmax) {
            return Optional.of(SOFTMAX);
        }
        return Optional.empty();
    }

    /** Returns the tensor after the activation; identity adds no node. */
    String apply(OnnxGraph graph, String hint, String input) {
        if (this == IDENTITY) {
            return input;
        }
        if (this == SOFTMAX) {
            return graph.node(onnxOp, hint, List.of(input), OnnxGraph.integer("axis", 1));
        }
        return graph.node(onnxOp, hint, List.of(input));
    }

    /** DL4J's ReLU can also clip, shift its threshold or leak; ONNX Relu does none of those. */
    private static boolean isPlainRelu(ActivationReLU relu) {
        return relu.getMax() == null && isZeroOrUnset(relu.getThreshold()) && isZeroOrUnset(relu.getNegativeSlope());
    }

    private static boolean isZeroOrUnset(Double value) {
        return value == null || value == 0.0;
    }
}
