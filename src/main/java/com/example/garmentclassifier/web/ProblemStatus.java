package com.example.garmentclassifier.web;

import com.example.garmentclassifier.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The HTTP status of each {@link ProblemException.Kind}. */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static HttpStatus of(ProblemException.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NO_MODEL, OVERLOADED -> HttpStatus.SERVICE_UNAVAILABLE;
            case NO_STORAGE -> HttpStatus.INSUFFICIENT_STORAGE;
        };
    }
}
