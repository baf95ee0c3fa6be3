package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.problem.ProblemException;

/** No training job has the requested id. */
public class JobNotFoundException extends ProblemException {

    public JobNotFoundException(String id) {
        super(Kind.NOT_FOUND, "Training job not found", "No training job '" + id + "'");
    }
}
