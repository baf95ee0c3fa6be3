package com.example.garmentclassifier.inference.serving;

import com.example.garmentclassifier.problem.ProblemException;

/** No model is loaded, so nothing can be classified yet. */
public class ModelUnavailableException extends ProblemException {

    public ModelUnavailableException(String reason) {
        super(Kind.NO_MODEL, "Model unavailable", reason);
    }
}
