package com.example.garmentclassifier.benchmark;

import com.example.garmentclassifier.inference.engine.ImageShape;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multiply-adds of one forward pass, counted as 2 FLOPs each, from the layers' real output sizes:
 * convolutions (output elements x kernel area x input channels) and dense layers (inputs x outputs).
 * Normalisation, activations and pooling are left out, as is usual for GFLOP/s figures.
 */
final class NetworkFlops {

    private NetworkFlops() {
    }

    static double perImage(MultiLayerNetwork network, ImageShape shape) {
        INDArray input = Nd4j.zeros(1, shape.height(), shape.width(), shape.channels());
        List<INDArray> activations = network.feedForward(input, false);
        double flops = 0;
        for (int i = 0; i < network.getnLayers(); i++) {
            Layer layer = network.getLayerWiseConfigurations().getConf(i).getLayer();
            INDArray output = activations.get(i + 1);
            if (layer instanceof ConvolutionLayer conv) {
                int[] kernel = conv.getKernelSize();
                flops += 2.0 * output.length() * kernel[0] * kernel[1] * conv.getNIn();
            } else if (layer instanceof DenseLayer dense) {
                flops += 2.0 * dense.getNIn() * dense.getNOut();
            } else if (layer instanceof OutputLayer dense) {
                flops += 2.0 * dense.getNIn() * dense.getNOut();
            }
        }
        return flops;
    }
}
