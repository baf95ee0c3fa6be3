package com.example.garmentclassifier.jobs;

import com.example.garmentclassifier.problem.ProblemException;
import java.util.Collections;
import java.util.Map;

/** A job request that conflicts with a job's state: another job is running, or the job already ended. */
public class JobConflictException extends ProblemException {

    private final String jobId;

    public JobConflictException(String jobId, String message) {
        super(Kind.CONFLICT, "Training job conflict", message);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }

    /** The conflicting job's id, or null when another instance's job holds the store (its id is not known here). */
    @Override
    public Map<String, Object> properties() {
        return Collections.singletonMap("jobId", jobId);
    }
}
