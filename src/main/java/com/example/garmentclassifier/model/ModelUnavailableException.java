package com.example.garmentclassifier.model;

/** No model is loaded, so nothing can be classified yet. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String reason) {
        super(reason);
    }
}
