package com.example.garmentclassifier.model.batching;

/** More images are waiting than the service is configured to queue, or it is shutting down: try again later. */
public class InferenceOverloadedException extends RuntimeException {

    public InferenceOverloadedException(String message) {
        super(message);
    }
}
