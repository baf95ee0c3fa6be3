package com.example.garmentclassifier.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 as RFC 9457 problem details. These happen in the security filter chain, before
 * any controller, so the MVC exception handler never sees them.
 */
@Component
public class ProblemDetailAuthenticationHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;

    public ProblemDetailAuthenticationHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"garment-classifier\"");
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "This endpoint needs HTTP Basic credentials of the admin user");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        problems.write(request, response, HttpStatus.FORBIDDEN, "Forbidden", "The authenticated user may not use this endpoint");
    }

    /** 429 for a client that failed to log in too often; it may try again after {@code retryAfterSeconds}. */
    void tooManyFailedLogins(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                "Too many failed logins from this address; try again in " + retryAfterSeconds + " s");
    }
}
