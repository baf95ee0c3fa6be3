package com.example.garmentclassifier.oip;

import com.example.garmentclassifier.problem.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The Open Inference Protocol's own errors, in its error shape, for its controller only. It runs before the
 * service's problem-details advice, whose catch-all would otherwise answer first. Errors Spring raises before
 * a protocol endpoint is chosen (unknown path, wrong method or media type) have no controller to select an
 * advice by; that advice gives them this shape by their path.
 */
@RestControllerAdvice(assignableTypes = InferenceProtocolController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InferenceProtocolAdvice {

    /** As /classify when overloaded: a short back-off, so protocol clients retry instead of piling up. */
    private static final String UNAVAILABLE_RETRY_AFTER_SECONDS =
            Long.toString(ProblemException.Kind.OVERLOADED.retryAfterSeconds().orElseThrow());

    @ExceptionHandler(InferenceProtocolException.class)
    ResponseEntity<ProtocolError> protocolError(InferenceProtocolException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, UNAVAILABLE_RETRY_AFTER_SECONDS);
        }
        return response.body(new ProtocolError(e.getMessage()));
    }
}
