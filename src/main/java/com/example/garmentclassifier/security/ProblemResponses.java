package com.example.garmentclassifier.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an RFC 9457 problem detail from a servlet filter. Filters run before any controller, so
 * the MVC exception handler never sees what they refuse; this gives their answers the same shape.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /**
     * Whether a request is on the Open Inference Protocol's paths ({@code /v2} and below), whose
     * clients parse the protocol's {@code {"error": ...}} object rather than a problem detail.
     */
    public static boolean isInferenceProtocol(String servletPath) {
        return servletPath.equals("/v2") || servletPath.startsWith("/v2/");
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
                      String detail) throws IOException {
        if (isInferenceProtocol(request.getServletPath())) {
            // Open Inference Protocol clients parse the protocol's error object, not a problem detail.
            response.setStatus(status.value());
            response.setContentType("application/json");
            json.writeValue(response.getOutputStream(), Map.of("error", detail));
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        json.writeValue(response.getOutputStream(), problem);
    }
}
