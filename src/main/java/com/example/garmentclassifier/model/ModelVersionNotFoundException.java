package com.example.garmentclassifier.model;

/** No stored model has the requested version. */
public class ModelVersionNotFoundException extends RuntimeException {

    public ModelVersionNotFoundException(String version) {
        super("No model version '" + version + "' in the store");
    }
}
