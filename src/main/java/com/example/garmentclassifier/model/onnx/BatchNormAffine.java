package com.example.garmentclassifier.model.onnx;

import org.deeplearning4j.nn.conf.layers.BatchNormalization;

/**
 * A trained batch normalisation at inference, reduced to y = x * scale + shift per channel.
 *
 * <p>DL4J 1.0.0-M2.1 ({@code layers.normalization.BatchNormalization#preOutput}, test mode)
 * computes var = (10^log10stdev)^2 when {@code useLogStd}, else reads {@code var}, and in both
 * cases divides by sqrt(var + eps): eps is added even though the stored statistic is already
 * a standard deviation. Its {@code activate()} then returns this affine map as is: the layer's
 * configured activation is never applied, so none is part of this either.
 */
record BatchNormAffine(double[] scale, double[] shift) {

    static BatchNormAffine of(int index, BatchNormalization layer, LayerParameters parameters, int channels) {
        if (layer.isLockGammaBeta()) {
            throw UnsupportedNetworkException.atLayer(index, layer, "locked gamma/beta is not supported");
        }
        double[] gamma = parameters.get("gamma", channels);
        double[] beta = parameters.get("beta", channels);
        double[] mean = parameters.get("mean", channels);
        double[] variance = layer.isUseLogStd() ? varianceFromLog10Std(parameters.get("log10stdev", channels))
                : parameters.get("var", channels);
        double[] scale = new double[channels];
        double[] shift = new double[channels];
        for (int c = 0; c < channels; c++) {
            scale[c] = gamma[c] / Math.sqrt(variance[c] + layer.getEps());
            shift[c] = beta[c] - mean[c] * scale[c];
        }
        return new BatchNormAffine(scale, shift);
    }

    int channels() {
        return scale.length;
    }

    private static double[] varianceFromLog10Std(double[] log10Std) {
        double[] variance = new double[log10Std.length];
        for (int c = 0; c < variance.length; c++) {
            double std = Math.pow(10, log10Std[c]);
            variance[c] = std * std;
        }
        return variance;
    }
}
