package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.EpochMetrics;

/** Receives progress from a running {@link ModelTrainer}; also asked whether to stop. */
public interface TrainingProgress {

    default void batchDone(int epoch, int batch, int batchesPerEpoch) {
    }

    default void epochDone(EpochMetrics metrics, double etaSeconds) {
    }

    /** Checked before every batch: returning true stops training within one batch. */
    default boolean cancelRequested() {
        return false;
    }
}
