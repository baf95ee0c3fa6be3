package com.example.garmentclassifier.training;

/** A training run ended without a model; the message is the job's failure reason, written for the admin. */
public class TrainingFailedException extends RuntimeException {

    public TrainingFailedException(String reason) {
        super(reason);
    }
}
