package com.example.garmentclassifier.store;

import com.example.garmentclassifier.problem.ProblemException;

/** A stored model version is incomplete, corrupt or fails its checksum. */
public class InvalidModelException extends ProblemException {

    private static final String TITLE = "Model version cannot be loaded";

    public InvalidModelException(String message) {
        super(Kind.UNPROCESSABLE, TITLE, message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(Kind.UNPROCESSABLE, TITLE, message, cause);
    }
}
