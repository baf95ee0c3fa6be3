package com.example.garmentclassifier.problem;

import java.util.Map;
import java.util.OptionalLong;

/**
 * A refusal the caller can act on: its message is written for them (no stack trace, no file path), its
 * title names the problem, and its kind says what sort of fault it is and, for the two kinds of "try later",
 * how long to wait. The web layer turns the kind into an HTTP status, so the features that throw these stay
 * free of HTTP; one advice maps them all.
 */
public abstract class ProblemException extends RuntimeException {

    /** What sort of fault it is, from the caller's side. */
    public enum Kind {
        /** The request is malformed, incomplete or asks for too many things at once. */
        INVALID,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request conflicts with the current state (a job running, a version active). */
        CONFLICT,
        /** More bytes or pixels than the limits allow. */
        TOO_LARGE,
        /** A body of a type the service does not read. */
        UNSUPPORTED_TYPE,
        /** Well-formed, but the thing it names cannot be used (a broken model version). */
        UNPROCESSABLE,
        /** No model is loaded yet: loading or retraining one takes a while, so try again in 30 s. */
        NO_MODEL(30),
        /** At capacity or shutting down: try again in a second, rather than piling up. */
        OVERLOADED(1),
        /** The store has no room for what was asked. */
        NO_STORAGE;

        /** 0 when trying the same request again later would not help. */
        private final long retryAfterSeconds;

        Kind() {
            this(0);
        }

        Kind(long retryAfterSeconds) {
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** How long a caller should wait before sending the same request again, for the kinds that pass. */
        public OptionalLong retryAfterSeconds() {
            return retryAfterSeconds > 0 ? OptionalLong.of(retryAfterSeconds) : OptionalLong.empty();
        }
    }

    private final Kind kind;
    private final String title;

    protected ProblemException(Kind kind, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.title = title;
    }

    protected ProblemException(Kind kind, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.title = title;
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** Extra members of the problem detail, e.g. the id of the job a request conflicts with. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
