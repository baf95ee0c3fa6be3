package com.example.garmentclassifier.inference.batching;

import com.example.garmentclassifier.problem.ProblemException;

/** More images are waiting than the service is configured to queue, or it is shutting down: try again later. */
public class InferenceOverloadedException extends ProblemException {

    public InferenceOverloadedException(String message) {
        super(Kind.OVERLOADED, "Overloaded", message);
    }
}
