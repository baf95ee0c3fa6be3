package com.example.garmentclassifier.training;

/** No training job has the requested id. */
public class JobNotFoundException extends RuntimeException {

    public JobNotFoundException(String id) {
        super("No training job '" + id + "'");
    }
}
