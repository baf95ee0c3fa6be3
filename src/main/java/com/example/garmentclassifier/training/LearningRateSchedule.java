package com.example.garmentclassifier.training;

/**
 * The learning rate along a run. BASELINE: cosine decay per epoch from the configured rate to 5 %
 * of it at the last epoch (the committed models' schedule). FAST: one cycle over all iterations,
 * a linear warm-up from a tenth of the rate over the first 15 %, then cosine decay to 1 %: batch
 * normalisation tolerates the higher peak this allows, and the warm-up keeps Adam's first steps
 * from overshooting.
 */
record LearningRateSchedule(TrainingParameters params, int batchesPerEpoch) {

    private static final double BASELINE_FLOOR = 0.05;
    private static final double WARM_UP = 0.15;
    private static final double START = 0.1;
    private static final double FLOOR = 0.01;

    static LearningRateSchedule of(TrainingParameters params, int batchesPerEpoch) {
        return new LearningRateSchedule(params, batchesPerEpoch);
    }

    /** Whether the rate changes within an epoch. */
    boolean perIteration() {
        return params.recipe().fast();
    }

    /** @param epoch 1-based; @param batch 0-based within the epoch */
    double at(int epoch, int batch) {
        double peak = params.learningRate();
        if (!perIteration()) {
            if (params.epochs() <= 1) {
                return peak;
            }
            double progress = (epoch - 1) / (double) (params.epochs() - 1);
            return cosine(peak, peak * BASELINE_FLOOR, progress);
        }
        double total = (double) params.epochs() * batchesPerEpoch;
        double step = (epoch - 1) * (double) batchesPerEpoch + batch;
        double warmUp = WARM_UP * total;
        if (step < warmUp) {
            return peak * (START + (1 - START) * step / warmUp);
        }
        return cosine(peak, peak * FLOOR, (step - warmUp) / Math.max(1, total - warmUp));
    }

    private static double cosine(double from, double to, double progress) {
        return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
    }
}
