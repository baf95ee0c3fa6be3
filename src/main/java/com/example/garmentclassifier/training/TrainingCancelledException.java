package com.example.garmentclassifier.training;

/** Training stopped because cancellation was requested. */
public class TrainingCancelledException extends RuntimeException {

    public TrainingCancelledException(int epoch, int batch) {
        super("Training cancelled in epoch " + epoch + " before batch " + batch);
    }

    public TrainingCancelledException(String message) {
        super(message);
    }
}
