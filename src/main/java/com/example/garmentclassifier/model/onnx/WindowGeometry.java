package com.example.garmentclassifier.model.onnx;

import org.deeplearning4j.nn.conf.ConvolutionMode;

/**
 * Output size and explicit ONNX pads of a 2-D sliding window (convolution or pooling), computed
 * as DL4J does for its convolution modes.
 *
 * @param pads ONNX order: top, left, bottom, right
 */
record WindowGeometry(int outHeight, int outWidth, long[] pads) {

    static WindowGeometry of(int inHeight, int inWidth, int[] kernel, int[] stride, int[] dilation,
                             int[] padding, ConvolutionMode mode) {
        int kernelHeight = effectiveKernel(kernel[0], dilation[0]);
        int kernelWidth = effectiveKernel(kernel[1], dilation[1]);
        if (mode == ConvolutionMode.Same) {
            // Output is ceil(in / stride); DL4J pads the top/left with half the total (rounded
            // down) and the bottom/right with the rest, ignoring any configured padding.
            int outHeight = ceilDiv(inHeight, stride[0]);
            int outWidth = ceilDiv(inWidth, stride[1]);
            int totalHeight = Math.max(0, (outHeight - 1) * stride[0] + kernelHeight - inHeight);
            int totalWidth = Math.max(0, (outWidth - 1) * stride[1] + kernelWidth - inWidth);
            return new WindowGeometry(outHeight, outWidth, new long[] {
                    totalHeight / 2, totalWidth / 2, totalHeight - totalHeight / 2, totalWidth - totalWidth / 2});
        }
        if (mode == ConvolutionMode.Truncate) {
            // Windows that would run past the padded input are dropped (floor).
            int outHeight = Math.floorDiv(inHeight + 2 * padding[0] - kernelHeight, stride[0]) + 1;
            int outWidth = Math.floorDiv(inWidth + 2 * padding[1] - kernelWidth, stride[1]) + 1;
            return new WindowGeometry(outHeight, outWidth,
                    new long[] {padding[0], padding[1], padding[0], padding[1]});
        }
        throw new IllegalArgumentException("convolution mode " + mode + " is not supported");
    }

    boolean isEmpty() {
        return outHeight <= 0 || outWidth <= 0;
    }

    private static int effectiveKernel(int kernel, int dilation) {
        return (kernel - 1) * dilation + 1;
    }

    private static int ceilDiv(int value, int divisor) {
        return (value + divisor - 1) / divisor;
    }
}
