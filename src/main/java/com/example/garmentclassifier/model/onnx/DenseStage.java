package com.example.garmentclassifier.model.onnx;

import java.util.List;

/**
 * A DL4J dense or output layer, x [batch, in] -> x W + b, as an ONNX Gemm.
 *
 * @param weights row-major [in, out], rows already in the order of the graph's features
 */
record DenseStage(String name, double[] weights, double[] bias, int inputs, int outputs) implements AffineStage {

    /**
     * @param rowOrder for each graph feature, the DL4J weight row it multiplies; null when the
     *                 orders agree
     */
    static DenseStage of(String name, double[] weights, double[] bias, int inputs, int outputs, int[] rowOrder) {
        return new DenseStage(name, rowOrder == null ? weights : reorderRows(weights, outputs, rowOrder),
                bias, inputs, outputs);
    }

    @Override
    public AffineStage followedBy(BatchNormAffine norm) {
        double[] scaled = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            scaled[i] = weights[i] * norm.scale()[i % outputs];
        }
        return new DenseStage(name, scaled, AffineStage.foldedBias(bias, norm), inputs, outputs);
    }

    @Override
    public String emit(OnnxGraph graph, String input) {
        String w = graph.floats(name + "_W", AffineStage.toFloats(weights), inputs, outputs);
        String b = graph.floats(name + "_b", AffineStage.toFloats(bias), outputs);
        return graph.node("Gemm", name, List.of(input, w, b));
    }

    private static double[] reorderRows(double[] weights, int columns, int[] rowOrder) {
        double[] reordered = new double[weights.length];
        for (int row = 0; row < rowOrder.length; row++) {
            System.arraycopy(weights, rowOrder[row] * columns, reordered, row * columns, columns);
        }
        return reordered;
    }
}
