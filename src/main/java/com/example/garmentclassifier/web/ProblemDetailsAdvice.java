package com.example.garmentclassifier.web;

import com.example.garmentclassifier.security.ProblemResponses;
import com.example.garmentclassifier.oip.ProtocolError;
import com.example.garmentclassifier.problem.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place exceptions become RFC 9457 problem details. Spring MVC's own exceptions (wrong
 * media type, upload over the multipart limit, unknown path, ...) are handled by the base class;
 * messages are written for the caller and never carry stack traces or file paths.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** server.tomcat.max-part-header-size, named in the 400 that enforces it. */
    private final DataSize maxPartHeader;

    public ProblemDetailsAdvice(@Value("${server.tomcat.max-part-header-size:512B}") DataSize maxPartHeader) {
        this.maxPartHeader = maxPartHeader;
    }

    /** Every refusal a feature raises: its kind picks the status, its title and message fill the problem. */
    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException e) {
        HttpStatus status = ProblemStatus.of(e.kind());
        ProblemDetail problem = problem(status, e.title(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        e.kind().retryAfterSeconds()
                .ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return response.body(problem);
    }

    /** Names every invalid field of a JSON body, e.g. "epochs: must be less than or equal to 100". */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage()).sorted().toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", String.join("; ", errors));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Unreadable JSON: names the field when Jackson knows it (wrong type, unknown field, bad enum value). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "The request body is not valid JSON for this endpoint";
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream().map(reference -> reference.getPropertyName() != null
                    ? reference.getPropertyName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            String reason = jackson instanceof UnrecognizedPropertyException ? "unknown field"
                    : jackson.getCause() instanceof IllegalArgumentException illegal ? illegal.getMessage()
                    : "wrong type or format";
            detail = "Invalid field '" + field + "': " + reason;
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", detail));
    }

    /** Names the media types the endpoint takes, so the caller need not read the Accept header to fix the request. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = e.getContentType() != null ? "Content-Type '" + e.getContentType() + "' is" : "A body without a Content-Type is";
        String accepted = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        String detail = accepted.isEmpty() ? sent + " not supported here"
                : sent + " not supported here; send one of: " + accepted;
        ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", detail);
        return createResponseEntity(problem, headers, status, request);
    }

    /**
     * Spring reports every multipart limit as "maximum upload size exceeded" (413), also when the
     * body is small but has too many parts or a part header (a long file name) over the container's
     * limit: say which limit it was, and make those two a 400.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String causes = causeMessages(e);
        log.info("Multipart limit: {}", causes);
        if (causes.contains("header")) {
            return createResponseEntity(problem(HttpStatus.BAD_REQUEST, "Part header too large",
                    "A part's headers (e.g. its file name) are longer than the " + readable(maxPartHeader)
                            + " the service accepts"), null, HttpStatus.BAD_REQUEST, request);
        }
        if (causes.contains("count") || causes.contains("parts")) {
            return createResponseEntity(problem(HttpStatus.BAD_REQUEST, "Too many parts",
                    "The multipart body has more parts than the service accepts; send at most the images"
                            + " allowed per request (classifier.max-files-per-request) and no other fields"),
                    null, HttpStatus.BAD_REQUEST, request);
        }
        return createResponseEntity(problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large",
                "A file or the whole request is larger than the upload limits"
                        + " (spring.servlet.multipart.max-file-size, max-request-size)"),
                null, HttpStatus.CONTENT_TOO_LARGE, request);
    }

    private static String causeMessages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            messages.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append("; ");
        }
        return messages.toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Malformed multipart bodies and too many parts for the container. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> badMultipart(MultipartException e, WebRequest request) {
        return createResponseEntity(problem(HttpStatus.BAD_REQUEST, "Malformed multipart request",
                "The multipart/form-data body could not be read: check the boundary, the part headers and the"
                        + " number of parts"), null, HttpStatus.BAD_REQUEST, request);
    }

    /** The client went away mid-request (e.g. a slow upload it gave up on): nobody to answer, nothing to alarm ops. */
    @ExceptionHandler(ClientAbortException.class)
    void clientGone(ClientAbortException e) {
        log.debug("Client disconnected: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unexpected error on {}", request.getDescription(false), e);
        return createResponseEntity(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed; the error has been logged"), null,
                HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * Errors Spring raises before a protocol endpoint runs (unknown path, wrong method or media type)
     * reach protocol clients as the protocol's error object, which is what they parse.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && request instanceof ServletWebRequest servlet
                && ProblemResponses.isInferenceProtocol(servlet.getRequest().getServletPath())) {
            HttpHeaders json = new HttpHeaders();
            if (headers != null) {
                json.addAll(headers);
            }
            json.setContentType(MediaType.APPLICATION_JSON);
            return new ResponseEntity<>(new ProtocolError(problem.getDetail() != null ? problem.getDetail()
                    : problem.getTitle()), json, status);
        }
        return new ResponseEntity<>(body, headers, status);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    /** 4096 bytes as "4 KB", 512 as "512 bytes": a limit as a caller reads it. */
    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        return bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }
}
