package com.example.garmentclassifier.training;

/** The Fashion-MNIST files are missing or unreadable; the message tells an operator what to do. */
public class DatasetUnavailableException extends RuntimeException {

    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
