package com.example.garmentclassifier.web;

import com.example.garmentclassifier.problem.ProblemException;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;

/** The HTTP side of a {@link ProblemException.Kind}: its status, and how long a caller should wait to retry. */
public final class ProblemStatus {

    /** No model yet: loading or retraining one takes a while. */
    static final long NO_MODEL_RETRY_SECONDS = 30;
    /** At capacity: a short back-off, so clients retry instead of piling up. */
    static final long OVERLOAD_RETRY_SECONDS = 1;

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

    public static OptionalLong retryAfterSeconds(ProblemException.Kind kind) {
        return switch (kind) {
            case NO_MODEL -> OptionalLong.of(NO_MODEL_RETRY_SECONDS);
            case OVERLOADED -> OptionalLong.of(OVERLOAD_RETRY_SECONDS);
            default -> OptionalLong.empty();
        };
    }
}
