package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.EpochMetrics;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/** A network after training, with the epoch chosen on the validation split and each epoch's metrics. */
public record TrainedNetwork(MultiLayerNetwork network, int bestEpoch, List<EpochMetrics> epochs,
                             int trainExamples, int validationExamples, double seconds) {
}
