package com.example.garmentclassifier.training;

/**
 * Hyperparameters of one training run.
 *
 * @param trainLimit use only the first N training images (0 = all 60,000)
 * @param validationSize images held out from the end of the training images to choose the epoch
 * @param augment mirror and shift training images (sellers' shoes point either way)
 * @param recipe network and schedule: FAST (default) or BASELINE (the committed models')
 * @param stopAtValidation end training after the first epoch whose validation accuracy reaches this (0 = never)
 */
public record TrainingParameters(int epochs, int batchSize, double learningRate, long seed,
                                 int trainLimit, int validationSize, boolean augment,
                                 GarmentNetwork.Recipe recipe, double stopAtValidation) {

    public static final TrainingParameters DEFAULTS = new TrainingParameters(5, 64, 0.004, 42, 0, 5000, true,
            GarmentNetwork.Recipe.FAST, 0);

    public TrainingParameters withEpochs(int value) {
        return new TrainingParameters(value, batchSize, learningRate, seed, trainLimit, validationSize, augment,
                recipe, stopAtValidation);
    }
}
