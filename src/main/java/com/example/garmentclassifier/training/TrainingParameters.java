package com.example.garmentclassifier.training;

/**
 * Hyperparameters of one training run.
 *
 * @param trainLimit use only the first N training images (0 = all 60,000)
 * @param validationSize images held out from the end of the training images to choose the epoch
 * @param augment mirror and shift training images (sellers' shoes point either way)
 */
public record TrainingParameters(int epochs, int batchSize, double learningRate, long seed,
                                 int trainLimit, int validationSize, boolean augment) {

    public static final TrainingParameters DEFAULTS = new TrainingParameters(15, 64, 0.002, 42, 0, 5000, true);

    public TrainingParameters withEpochs(int value) {
        return new TrainingParameters(value, batchSize, learningRate, seed, trainLimit, validationSize, augment);
    }
}
