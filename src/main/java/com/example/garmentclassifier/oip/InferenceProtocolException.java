package com.example.garmentclassifier.oip;

import org.springframework.http.HttpStatus;

/** A request the protocol answers with an error object and this status. */
public class InferenceProtocolException extends RuntimeException {

    private final HttpStatus status;

    public InferenceProtocolException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
