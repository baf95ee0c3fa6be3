package com.example.garmentclassifier.training;

/**
 * Hyperparameters of one training run.
 *
 * @param trainLimit use only the first N training images (0 = all 60,000)
 * @param validationSize images held out from the end of the training images to choose the epoch
 * @param augment mirror and shift training images (sellers' shoes point either way)
 * @param recipe network and schedule: FAST (default) or BASELINE (the committed models')
 * @param stopAtValidation end training after the first epoch whose validation accuracy reaches this (0 = never)
 * @param distillation the teacher and mix of a {@link GarmentNetwork.Recipe#DISTILL} run; null for every other recipe
 */
public record TrainingParameters(int epochs, int batchSize, double learningRate, long seed,
                                 int trainLimit, int validationSize, boolean augment,
                                 GarmentNetwork.Recipe recipe, double stopAtValidation, Distillation distillation) {

    public static final TrainingParameters DEFAULTS = new TrainingParameters(5, 64, 0.004, 42, 0, 5000, true,
            GarmentNetwork.Recipe.FAST, 0, null);

    public TrainingParameters {
        if (recipe == GarmentNetwork.Recipe.DISTILL && distillation == null) {
            throw new IllegalArgumentException("the distill recipe needs a teacher version");
        }
        if (recipe != GarmentNetwork.Recipe.DISTILL && distillation != null) {
            throw new IllegalArgumentException("a teacher is used only by the distill recipe, not " + recipe);
        }
    }

    /** Every recipe but distill, which needs a teacher ({@link #distilling}). */
    public TrainingParameters(int epochs, int batchSize, double learningRate, long seed, int trainLimit,
                              int validationSize, boolean augment, GarmentNetwork.Recipe recipe,
                              double stopAtValidation) {
        this(epochs, batchSize, learningRate, seed, trainLimit, validationSize, augment, recipe, stopAtValidation,
                null);
    }

    public TrainingParameters withEpochs(int value) {
        return new TrainingParameters(value, batchSize, learningRate, seed, trainLimit, validationSize, augment,
                recipe, stopAtValidation, distillation);
    }

    /** These parameters as a distill run learning from {@code how}. */
    public TrainingParameters distilling(Distillation how) {
        return new TrainingParameters(epochs, batchSize, learningRate, seed, trainLimit, validationSize, augment,
                GarmentNetwork.Recipe.DISTILL, stopAtValidation, how);
    }
}
