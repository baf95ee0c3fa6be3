package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.EpochMetrics;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a training run stands after an epoch: everything {@link ModelTrainer} needs to carry on in
 * another process where it stopped. The random source and the shuffled order are the run's own, live
 * during training; a {@link CheckpointDirectory} writes them down.
 *
 * @param seconds    training time so far, over every process that worked on the run
 * @param network    the network after {@code epochsDone} epochs, with its optimiser's state
 * @param bestParams the weights of {@code bestEpoch}, the best on validation so far
 */
public record TrainingCheckpoint(TrainingParameters params, int epochsDone, List<EpochMetrics> history,
                                 int bestEpoch, double bestValidation, double seconds, Random random, int[] order,
                                 MultiLayerNetwork network, INDArray bestParams) {

    public TrainingCheckpoint {
        history = List.copyOf(history);
    }
}
