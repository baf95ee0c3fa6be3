package com.example.garmentclassifier.training;

/** A job request that conflicts with a job's state: another job is running, or the job already ended. */
public class JobConflictException extends RuntimeException {

    private final String jobId;

    public JobConflictException(String jobId, String message) {
        super(message);
        this.jobId = jobId;
    }

    public String jobId() {
        return jobId;
    }
}
