package com.example.garmentclassifier.model.onnx;

/**
 * A layer computing x -> W x + b with identity activation, held back from the graph so that a
 * batch normalisation right after it can be folded into W and b instead of costing a pass of
 * its own.
 */
interface AffineStage {

    /** This stage followed by the per-output-channel affine map of a batch normalisation. */
    AffineStage followedBy(BatchNormAffine norm);

    int outputs();

    /** Adds the stage's node(s) reading {@code input} and returns its output tensor. */
    String emit(OnnxGraph graph, String input);

    /** b' = b * scale + shift, the folded bias of any affine stage. */
    static double[] foldedBias(double[] bias, BatchNormAffine norm) {
        double[] folded = new double[bias.length];
        for (int o = 0; o < bias.length; o++) {
            folded[o] = bias[o] * norm.scale()[o] + norm.shift()[o];
        }
        return folded;
    }

    static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
