package com.example.garmentclassifier.store;

import com.example.garmentclassifier.problem.ProblemException;

/** The model store cannot take a new version (read-only, or too little free space); the message says which. */
public class StoreSpaceException extends ProblemException {

    public StoreSpaceException(String message) {
        super(Kind.NO_STORAGE, "Model store cannot take a new version", message);
    }
}
