package com.example.garmentclassifier.model;

/** The model store cannot take a new version (read-only, or too little free space); the message says which. */
public class StoreSpaceException extends RuntimeException {

    public StoreSpaceException(String message) {
        super(message);
    }
}
