package com.example.garmentclassifier.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The container's error page: what Spring MVC's advice never sees (requests the security firewall
 * rejects, methods such as TRACE that no handler accepts, errors in filters) still ends as an RFC
 * 9457 problem detail, never Spring Boot's default map with its path echo. A direct GET /error is a 404.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String detail = status.is5xxServerError() ? "The request could not be completed; the error has been logged"
                : "The request was refused: " + status.getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetailsAdvice.problem(status, status.getReasonPhrase(), detail));
    }
}
