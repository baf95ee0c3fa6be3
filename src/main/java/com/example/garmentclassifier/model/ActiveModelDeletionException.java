package com.example.garmentclassifier.model;

import com.example.garmentclassifier.problem.ProblemException;

/** The serving version cannot be deleted. */
public class ActiveModelDeletionException extends ProblemException {

    public ActiveModelDeletionException(String version) {
        super(Kind.CONFLICT, "Model version is active", "Version " + version + " is active; activate another version before deleting it");
    }
}
