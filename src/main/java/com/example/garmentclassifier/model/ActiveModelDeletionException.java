package com.example.garmentclassifier.model;

/** The serving version cannot be deleted. */
public class ActiveModelDeletionException extends RuntimeException {

    public ActiveModelDeletionException(String version) {
        super("Version " + version + " is active; activate another version before deleting it");
    }
}
