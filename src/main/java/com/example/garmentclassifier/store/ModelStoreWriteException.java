package com.example.garmentclassifier.store;

/** A new version could not be written (disk full, I/O error); nothing of it is left in the store. */
public class ModelStoreWriteException extends RuntimeException {

    public ModelStoreWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
