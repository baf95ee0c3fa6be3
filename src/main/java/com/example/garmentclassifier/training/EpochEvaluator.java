package com.example.garmentclassifier.training;

import com.example.garmentclassifier.inference.engine.InferenceEngine;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Train-sample and validation accuracy after each epoch. On ONNX Runtime when asked (the network
 * converts in about a second and 14,000 mirror-averaged images then take about a second instead of
 * some 18 s on DL4J); the converted network matches DL4J within 1e-6, so the accuracies are the same.
 */
class EpochEvaluator {

    private final ModelEvaluator evaluator;
    private final boolean onOnnxRuntime;

    EpochEvaluator(ModelEvaluator evaluator, boolean onOnnxRuntime) {
        this.evaluator = evaluator;
        this.onOnnxRuntime = onOnnxRuntime;
    }

    /** @return {train-sample accuracy, validation accuracy} (0 for an empty set) */
    double[] accuracies(MultiLayerNetwork network, GarmentImages trainSample, GarmentImages validation) {
        if (onOnnxRuntime) {
            return evaluator.withServedEngine(network, served ->
                    new double[] {accuracy(served, trainSample), accuracy(served, validation)});
        }
        return new double[] {evaluator.accuracy(network, trainSample),
                validation.size() == 0 ? 0 : evaluator.accuracy(network, validation)};
    }

    private double accuracy(InferenceEngine engine, GarmentImages images) {
        return images.size() == 0 ? 0 : evaluator.evaluate(engine, images).accuracy();
    }
}
