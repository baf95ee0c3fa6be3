package com.example.garmentclassifier.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a retraining job is for, and so its defaults.
 * {@code full} trains a new network from random weights, distilled from the serving version: the job
 * that made the committed distilled versions. {@code fine-tune} starts from the serving network's weights and
 * trains a few epochs at a low learning rate with the serving version as its teacher: for adding new
 * data later without a full run.
 */
public enum TrainingMode {
    FULL("full", 30, 0.004, false),
    FINE_TUNE("fine-tune", 2, 0.0005, true);

    private final String value;
    private final int epochs;
    private final double learningRate;
    private final boolean warmStart;

    TrainingMode(String value, int epochs, double learningRate, boolean warmStart) {
        this.value = value;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.warmStart = warmStart;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static TrainingMode of(String value) {
        for (TrainingMode mode : values()) {
            if (mode.value.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("mode must be \"full\" or \"fine-tune\"");
    }

    public int epochs() {
        return epochs;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Whether the job starts from the serving network's weights. */
    public boolean warmStart() {
        return warmStart;
    }
}
