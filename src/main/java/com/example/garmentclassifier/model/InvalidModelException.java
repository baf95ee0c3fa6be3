package com.example.garmentclassifier.model;

/** A stored model version is incomplete, corrupt or fails its checksum. */
public class InvalidModelException extends RuntimeException {

    public InvalidModelException(String message) {
        super(message);
    }

    public InvalidModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
