package com.example.garmentclassifier.training;

import com.example.garmentclassifier.store.EpochMetrics;
import tools.jackson.databind.json.JsonMapper;

/** The child side of {@link ProgressLine}: prints each event on standard output for the parent to read. */
class ProgressLinePrinter implements TrainingProgress {

    private final JsonMapper json;

    ProgressLinePrinter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void batchDone(int epoch, int batch, int batchesPerEpoch) {
        System.out.println(ProgressLine.batch(epoch, batch, batchesPerEpoch).encode(json));
    }

    @Override
    public void epochDone(EpochMetrics metrics, double etaSeconds) {
        System.out.println(ProgressLine.epoch(metrics, etaSeconds).encode(json));
    }
}
