package com.example.garmentclassifier.store;

import com.example.garmentclassifier.problem.ProblemException;

/** No stored model has the requested version. */
public class ModelVersionNotFoundException extends ProblemException {

    public ModelVersionNotFoundException(String version) {
        super(Kind.NOT_FOUND, "Model version not found", "No model version '" + version + "' in the store");
    }
}
